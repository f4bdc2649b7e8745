// A scriptable npm socket.io-client 4.8 peer for the server interop tests (interop/src/test/java/
// io/sio4j/interop/server). Usage: node sio-client.mjs <base url>
// Commands (JSON lines on stdin), each socket named by "id":
//   {"cmd":"connect","id":"a","nsp":"/","opts":{...}}       io(url + nsp, opts); "parser":"msgpack"
//                                                          selects socket.io-msgpack-parser
//   {"cmd":"emit","id":"a","event":"e","args":[...],"ack":true,"timeout":500,"seq":1}
//   {"cmd":"disconnect","id":"a"}                          socket.disconnect()
//   {"cmd":"connect-again","id":"a"}                       socket.connect()
//   {"cmd":"drop-transport","id":"a"}                      closes the Engine.IO transport abruptly
//   {"cmd":"no-answer","id":"a","event":"e"}               do not acknowledge this event
// Output (one JSON line each): ready, connect {id,sid,recovered,engineId,transport},
// connect_error {id,message,data,status (the HTTP status of a refused polling request)},
// upgrade {id,transport} (the Engine.IO upgrade),
// event {id,event,args}, ack {id,seq,args} / ack_error {id,seq,message}, disconnect {id,reason}.
// Binary values travel as {"$bin":"<base64>"} both ways. Events that ask for an acknowledgement
// are answered with ["ack", ...args] unless told otherwise.
import { io } from "socket.io-client";
import msgpackParser from "socket.io-msgpack-parser";
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
  const { parser, ...rest } = opts; // "parser":"msgpack" selects socket.io-msgpack-parser
  const socket = io(base + nsp, {
    reconnectionDelay: 100,
    reconnectionDelayMax: 200,
    ...rest,
    ...(parser === "msgpack" ? { parser: msgpackParser } : {}),
  });
  sockets.set(id, socket);
  socket.io.on("open", () =>
    socket.io.engine.on("upgrade", (t) => out({ type: "upgrade", id, transport: t.name })));
  socket.on("connect", () => out({
    type: "connect", id, sid: socket.id, recovered: socket.recovered,
    engineId: socket.io.engine?.id, transport: socket.io.engine?.transport?.name,
  }));
  socket.on("connect_error", (err) => out({
    type: "connect_error", id, message: err.message, data: mark(err.data ?? null),
    status: typeof err.description === "number" ? err.description : null,
  }));
  socket.on("disconnect", (reason) => out({ type: "disconnect", id, reason }));
  socket.onAny((event, ...args) => {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      args.pop();
      out({ type: "event", id, event, args: mark(args), withAck: true });
      if (!noAnswer.has(id + "/" + event)) last("ack", ...args);
    } else {
      out({ type: "event", id, event, args: mark(args) });
    }
  });
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
        const target = c.timeout ? s.timeout(c.timeout) : s;
        target.emit(c.event, ...args, (...res) => {
          if (c.timeout) {
            const err = res.shift();
            if (err) return out({ type: "ack_error", id: c.id, seq: c.seq, message: err.message });
          }
          out({ type: "ack", id: c.id, seq: c.seq, args: mark(res) });
        });
      } else if (c.volatile) {
        s.volatile.emit(c.event, ...args);
      } else {
        s.emit(c.event, ...args);
      }
      break;
    }
    case "disconnect": s.disconnect(); break;
    case "connect-again": s.connect(); break;
    case "drop-transport": s.io.engine.close(); break;
    case "no-answer": noAnswer.add(c.id + "/" + c.event); break;
    default: out({ type: "error", message: "unknown command " + c.cmd });
  }
});
out({ type: "ready" });
