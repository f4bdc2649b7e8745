// A scriptable npm socket.io-client 2.5 peer (Engine.IO v3, Socket.IO protocol v4) for the
// allowEIO3 interop tests; it takes the commands of sio-client.mjs and prints the same lines.
// Usage: node sio-client-v2.mjs <base url>
// Commands: connect {id,nsp,opts}, emit {id,event,args,ack,seq}, disconnect {id},
// no-answer {id,event}, flood {id,body} (POSTs a raw body on the socket's polling session).
// Output: ready, connect {id,sid,engineId,transport}, connect_error {id,message},
// error {id,data} (the protocol v4 ERROR packet: a refused namespace), upgrade {id,transport},
// event {id,event,args}, ack {id,seq,args}, disconnect {id,reason}, posted {id,status}.
// Binary values travel as {"$bin":"<base64>"} both ways.
import io from "socket.io-client-v2";
import { createInterface } from "node:readline";

const base = process.argv[2];
const sockets = new Map();
const noAnswer = new Set();
const out = (o) => process.stdout.write(JSON.stringify(o) + "\n");

const revive = (v) => {
  if (Array.isArray(v)) return v.map(revive);
  if (v && typeof v === "object") {
    if (typeof v.$bin === "string") return Buffer.from(v.$bin, "base64");
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, revive(x)]));
  }
  return v;
};
const mark = (v) => {
  if (Buffer.isBuffer(v)) return { $bin: v.toString("base64") };
  if (v instanceof ArrayBuffer) return { $bin: Buffer.from(v).toString("base64") };
  if (ArrayBuffer.isView(v)) return { $bin: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("base64") };
  if (Array.isArray(v)) return v.map(mark);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mark(x)]));
  return v;
};

function connect({ id, nsp = "/", opts = {} }) {
  const socket = io(base + nsp, { reconnection: false, ...opts });
  sockets.set(id, socket);
  socket.io.on("open", () =>
    socket.io.engine.on("upgrade", (t) => out({ type: "upgrade", id, transport: t.name })));
  socket.on("connect", () => out({
    type: "connect", id, sid: socket.id,
    engineId: socket.io.engine?.id, transport: socket.io.engine?.transport?.name,
  }));
  socket.on("connect_error", (err) => out({ type: "connect_error", id, message: String(err && err.message) }));
  socket.on("error", (data) => out({ type: "error", id, data: mark(data ?? null) }));
  socket.on("disconnect", (reason) => out({ type: "disconnect", id, reason }));
  // v2 has no onAny: every incoming event goes through onevent
  socket.onevent = (packet) => {
    const [event, ...args] = packet.data || [];
    if (packet.id != null) {
      out({ type: "event", id, event, args: mark(args), withAck: true });
      if (!noAnswer.has(id + "/" + event)) socket.ack(packet.id)("ack", ...args);
    } else {
      out({ type: "event", id, event, args: mark(args) });
    }
  };
}

async function flood({ id, body, contentType }) {
  const s = sockets.get(id);
  const sid = s.io.engine.id;
  const url = base + "/socket.io/?EIO=3&transport=polling&sid=" + encodeURIComponent(sid);
  try {
    const res = await fetch(url, {
      method: "POST",
      body: contentType ? Buffer.from(body, "base64") : body,
      headers: { "content-type": contentType ?? "text/plain;charset=UTF-8" },
    });
    out({ type: "posted", id, status: res.status });
  } catch (e) {
    out({ type: "posted", id, status: -1, message: String(e) });
  }
}

const rl = createInterface({ input: process.stdin });
rl.on("line", (line) => {
  const c = JSON.parse(line);
  const s = sockets.get(c.id);
  switch (c.cmd) {
    case "connect": connect(c); break;
    case "emit": {
      const args = revive(c.args ?? []);
      if (c.ack) {
        s.emit(c.event, ...args, (...res) => out({ type: "ack", id: c.id, seq: c.seq, args: mark(res) }));
      } else {
        s.emit(c.event, ...args);
      }
      break;
    }
    case "disconnect": s.disconnect(); break;
    case "no-answer": noAnswer.add(c.id + "/" + c.event); break;
    case "flood": flood(c); break;
    default: out({ type: "error", message: "unknown command " + c.cmd });
  }
});
out({ type: "ready" });
