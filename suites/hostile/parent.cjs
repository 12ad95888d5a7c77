// A parent that dies: starts `node <argv[2..]>` (the CLI) with its stdout and stderr piped to itself, as a
// test worker or a CI step does, prints the child's pid once the child has written its first line, and
// then only reads; the test SIGKILLs this process, which closes the pipes the child writes to.
const { spawn } = require("node:child_process");
const child = spawn(process.execPath, process.argv.slice(2), { stdio: ["ignore", "pipe", "pipe"] });
let told = false;
const tell = () => { if (!told) { told = true; process.stdout.write(`child ${child.pid}\n`); } };
child.stdout.on("data", tell);
child.stderr.on("data", tell);
setInterval(() => {}, 1000);
