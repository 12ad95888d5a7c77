/** A no-op build: what every npm script pays before doing its job. */
import { ONE_CALL } from "../measure.js";
import type { Row } from "../row.js";
import { runProcess } from "./support.js";

export const buildRow: Row = {
  id: "build-noop",
  title: "npm run build with nothing changed (every npm script builds first)",
  baseline: "npm run of a script that does nothing (npm run -s env): the floor any npm script pays; the goal is that the build adds no more than that",
  goal: { max: 2 },
  slow: true,
  prepare({ root }) {
    runProcess("npm", ["run", "-s", "build"], root); // now nothing has changed
    return {
      subject: { name: "npm run -s build", run: () => runProcess("npm", ["run", "-s", "build"], root) },
      baseline: { name: "npm run -s env", run: () => runProcess("npm", ["run", "-s", "env"], root) },
      bounds: { ...ONE_CALL, minSamples: 5 },
    };
  },
};
