/**
 * Annotation keywords our schemas carry; ajv's strict mode must know them. Apart from ajv-setup.ts
 * so that the published types of the validators entry do not import ajv's (the validators-only
 * package, packages/validators, installs no ajv).
 */
export const ANNOTATION_KEYWORDS = ["x-profile", "x-applies-to", "x-erratum", "x-message", "x-forbidden", "x-extensible-enum"];
