// An npm socket.io-client 4.8 peer for the chaos tests (interop/src/test/java/io/sio4j/interop/
// chaos): one socket that counts what it receives instead of printing every event.
// Usage: node chaos-client.mjs <url> '<socket.io-client options as JSON>'
// Output (JSON lines): ready, connect {id,recovered,transport}, disconnect {reason},
//   report {count,last,anomalies,blobs,connects,notRecovered,ids} when the server emits "end"
//   (anomalies: [previous, got] for every "n" that is not previous + 1; notRecovered: connects
//   after the first that were not recovered; ids: distinct socket ids), mark {round} on "mark", jobs {results: [[i, error or null, answer], ...]}
//   once every job has had its callback, in callback order; first {n} on the first "n" received.
// Commands (JSON lines on stdin): {"cmd":"jobs","n":N} emits "job" 1..N, each with a callback
//   (with the `retries` option the client queues them and retries each until acknowledged).
import { io } from "socket.io-client";
import { createInterface } from "node:readline";

const [url, optsJson] = process.argv.slice(2);
const out = (o) => process.stdout.write(JSON.stringify(o) + "\n");
const socket = io(url, { reconnectionDelay: 50, reconnectionDelayMax: 100, ...JSON.parse(optsJson || "{}") });

let count = 0;
let connects = 0;
let notRecovered = 0;
const ids = new Set();
let last = 0;
let blobs = 0;
const anomalies = [];
socket.on("connect", () => {
  if (connects++ > 0 && !socket.recovered) notRecovered++;
  ids.add(socket.id);
  out({ type: "connect", id: socket.id, recovered: socket.recovered,
    transport: socket.io.engine?.transport?.name });
});
socket.on("disconnect", (reason) => out({ type: "disconnect", reason }));
socket.on("n", (i) => {
  if (count === 0) out({ type: "first", n: i });
  if (i !== last + 1) anomalies.push([last, i]);
  last = i;
  count++;
});
socket.on("blob", () => blobs++);
socket.on("mark", (round) => out({ type: "mark", round }));
socket.on("end", () => out({ type: "report", count, last, anomalies, blobs, connects, notRecovered,
  ids: ids.size }));
socket.on("echo", (x, cb) => cb(x));

createInterface({ input: process.stdin }).on("line", (line) => {
  const c = JSON.parse(line);
  if (c.cmd === "jobs") {
    const results = [];
    for (let i = 1; i <= c.n; i++) {
      socket.emit("job", i, (err, answer) => {
        results.push([i, err ? err.message : null, answer ?? null]);
        if (results.length === c.n) out({ type: "jobs", results });
      });
    }
  } else {
    out({ type: "error", message: "unknown command " + c.cmd });
  }
});
out({ type: "ready" });
