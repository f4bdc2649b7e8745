// Drives any number of npm socket.io-client sockets for the example tests.
// Commands, one JSON object per line on stdin:
//   {"op":"open","id":"a","url":"http://127.0.0.1:3000/my-namespace","opts":{...}}  (io(url, opts))
//   {"op":"emit","id":"a","event":"msg","args":[...],"ack":false}
//   {"op":"drop","id":"a"}        close the transport only: the client reconnects by itself
//   {"op":"close","id":"a"}       socket.disconnect()
//   {"op":"connect","id":"a","auth":{...}}   socket.connect() again, optionally with new auth
//   {"op":"exit"}
// Output, one JSON object per line: every socket event with the client's id, e.g.
//   {"type":"connect","id":"a","sid":"..."}  {"type":"event","id":"a","event":"hi","args":["Hello everyone!"]}
//   {"type":"connect_error","id":"a","message":"...","data":...}  {"type":"disconnect","id":"a","reason":"..."}
//   {"type":"reconnect_attempt","id":"a","attempt":1}  {"type":"reconnect","id":"a"}  {"type":"ack","id":"a","seq":1,"args":[...]}
import { io } from "socket.io-client";
import { createInterface } from "node:readline";

const sockets = new Map();
let ackSeq = 0;
const out = (o) => process.stdout.write(JSON.stringify(o) + "\n");

function open(cmd) {
  const socket = io(cmd.url, { forceNew: true, reconnectionDelay: 100, reconnectionDelayMax: 200, ...(cmd.opts || {}) });
  const id = cmd.id;
  sockets.set(id, socket);
  socket.on("connect", () => out({ type: "connect", id, sid: socket.id, recovered: socket.recovered }));
  socket.on("connect_error", (err) => out({ type: "connect_error", id, message: err.message, data: err.data ?? null }));
  socket.on("disconnect", (reason) => out({ type: "disconnect", id, reason, active: socket.active }));
  socket.onAny((event, ...args) => out({ type: "event", id, event, args }));
  socket.io.on("reconnect_attempt", (attempt) => out({ type: "reconnect_attempt", id, attempt }));
  socket.io.on("reconnect", (attempt) => out({ type: "reconnect", id, attempt }));
}

function handle(cmd) {
  const socket = sockets.get(cmd.id);
  switch (cmd.op) {
    case "open": return open(cmd);
    case "emit": {
      if (!cmd.ack) return socket.emit(cmd.event, ...(cmd.args || []));
      const seq = ++ackSeq;
      socket.timeout(cmd.timeoutMs ?? 5000).emit(cmd.event, ...(cmd.args || []), (err, ...args) =>
        out({ type: "ack", id: cmd.id, seq, error: err ? err.message : null, args }));
      return out({ type: "ack-sent", id: cmd.id, seq });
    }
    case "drop": return socket.io.engine.close();
    case "close": return socket.disconnect();
    case "connect":
      if (cmd.auth) socket.auth = cmd.auth;
      return socket.connect();
    case "exit":
      for (const s of sockets.values()) s.disconnect();
      return setImmediate(() => process.exit(0));
    default:
      return out({ type: "bad-command", command: cmd });
  }
}

createInterface({ input: process.stdin }).on("line", (line) => {
  if (!line.trim()) return;
  try {
    handle(JSON.parse(line));
  } catch (e) {
    out({ type: "script-error", message: String(e && e.stack || e) });
  }
}).on("close", () => {
  for (const s of sockets.values()) s.disconnect();
  process.exit(0);
});
out({ type: "ready" });
