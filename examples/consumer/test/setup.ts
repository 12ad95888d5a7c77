// The matcher, and its types: this file is in tsconfig's include, so the augmentation of vitest's Assertion applies to every suite.
import "graph-calls-contract/vitest";
