// Preloaded (node --require) into a process the bench times by its own CPU (bench/rows/support.ts
// runProcessCpu): at exit it writes the CPU time the whole process used, every thread, from exec
// on (getrusage), to fd 3, in milliseconds. Wall time of a child mostly measures who else was
// running on a loaded machine; this is what the process itself cost. Only its exit teardown is missed.
"use strict";
process.on("exit", () => {
  const { userCPUTime, systemCPUTime } = process.resourceUsage();
  require("node:fs").writeSync(3, `${(userCPUTime + systemCPUTime) / 1000}\n`);
});
