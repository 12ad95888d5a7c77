// A process-protocol bot with one way of being hostile (argv[2]; argv[3] is a marker its processes carry); otherwise minimal and correct
// enough to create calls and take notifications, so what breaks is only what the mode breaks.
// Modes:
//   huge-body      POSTs a create call nested 1,000,000 levels deep (2 MB), then one of 200 KB with
//                  100,000 targets, then one of 10 MB, to the mock Graph
//   stdout-flood   answers start with an endless line on stdout (no newline, ever)
//   stderr-flood   works, and writes an endless line on stderr the whole time
//   grandchild     works, and starts a child in its own session and group (setsid) that listens on
//                  127.0.0.1 and ignores SIGTERM
//   hang           answers start, then nothing, ever
//   slow-start     answers start after SLOW_START_MS (default 1.5 steps), then works
const http = require("node:http");
const readline = require("node:readline");
const { spawn } = require("node:child_process");
const MODE = process.argv[2];
let graph, token, callbackUri;
const answer = (id, result) => process.stdout.write(JSON.stringify({ id, result }) + "\n");
const fail = (id, message) => process.stdout.write(JSON.stringify({ id, error: { message } }) + "\n");

// Writes `chunk` forever (with backpressure, so the flood costs the harness reading it, not this process's memory).
function flood(stream, chunk) {
  const again = () => { while (stream.write(chunk)); stream.once("drain", again); };
  again();
}

async function post(path, body, type = "application/json") {
  const r = await fetch(graph + path, { method: "POST", headers: { Authorization: "Bearer " + token, "Content-Type": type }, body });
  return { status: r.status, body: await r.text() };
}

readline.createInterface({ input: process.stdin }).on("line", async (line) => {
  const { id, method, params } = JSON.parse(line);
  if (MODE === "hang" && method !== "start") return;
  if (method === "start") {
    ({ graphBaseUrl: graph, accessToken: token, callbackUri } = params);
    if (MODE === "stdout-flood") return flood(process.stdout, "x".repeat(64 * 1024));
    if (MODE === "stderr-flood") flood(process.stderr, "y".repeat(64 * 1024));
    if (MODE === "grandchild") {
      const code = `require("node:http").createServer(() => {}).listen(0, "127.0.0.1"); process.on("SIGTERM", () => {}); setInterval(() => {}, 1000);`;
      // Named after the run's marker (argv[3]), so that a test can look for it afterwards.
      spawn("setsid", [process.execPath, "-e", code, "hostile-grandchild", process.argv[3] ?? ""], { detached: true, stdio: "ignore" }).unref();
    }
    if (MODE === "slow-start") await new Promise((r) => setTimeout(r, Number(process.env.SLOW_START_MS ?? 1500)));
    const server = http.createServer((req, res) => { req.resume(); req.on("end", () => res.writeHead(202).end()); });
    server.listen(0, "127.0.0.1", () => answer(id, { callbackUrl: "http://127.0.0.1:" + server.address().port + "/api/calls" }));
    return;
  }
  if (method === "createCall") {
    const body = { callbackUri, targets: params.intent.targets.map((t) => ({ identity: { [t.kind]: { id: t.id } } })), requestedModalities: params.intent.modalities,
      mediaConfig: { "@odata.type": params.intent.media.hosting === "app" ? "#microsoft.graph.appHostedMediaConfig" : "#microsoft.graph.serviceHostedMediaConfig" } };
    if (MODE === "huge-body") {
      const deep = await post("/communications/calls", JSON.stringify({ ...body, targets: [] }).replace('"targets":[]', '"targets":' + "[".repeat(1e6) + "]".repeat(1e6)));
      const many = await post("/communications/calls", JSON.stringify({ ...body, targets: new Array(100_000).fill(0) }));
      const huge = await post("/communications/calls", JSON.stringify({ ...body, targets: new Array(10 * 1024 * 1024 / 2).fill(0) }));
      return fail(id, `the mock Graph answered ${many.status} to 100,000 targets, ${huge.status} to 10 MB and ${deep.status} to 1,000,000 levels of nesting`);
    }
    const r = await post("/communications/calls", JSON.stringify(body));
    return answer(id, { callId: JSON.parse(r.body).id });
  }
  if (method === "observe") return answer(id, { state: null, participants: [], contentSharingSessions: [], transfer: "none", result: null, terminationReason: null });
  answer(id, {});
});
