// Encodes and decodes Socket.IO packets with the official npm socket.io-parser (or, with the
// argument "msgpack", socket.io-msgpack-parser), for ParserCrossCheckTest and
// MsgpackParserCrossCheckTest. Commands arrive as JSON lines on stdin; each answer is one JSON line.
// Binary values travel as {"$bin":"<base64>"} in both directions.
//   {"cmd":"encode","id":1,"packet":{"type":2,"nsp":"/","id":5,"data":[...]}}
//     -> {"type":"encoded","id":1,"frames":[{"text":"..."},{"bin":"<base64>"}]}
//   {"cmd":"decode","id":2,"frames":[...]}
//     -> {"type":"decoded","id":2,"packet":{...}} or {"type":"rejected","id":2,"message":"..."}
import * as jsonParser from "socket.io-parser";
import msgpackParser from "socket.io-msgpack-parser";
import { createInterface } from "node:readline";

const { Encoder, Decoder } = process.argv[2] === "msgpack" ? msgpackParser : jsonParser;
const encoder = new Encoder();

const revive = (v) => {
  if (Array.isArray(v)) return v.map(revive);
  if (v && typeof v === "object") {
    if (typeof v.$bin === "string") return Buffer.from(v.$bin, "base64");
    // what a browser sends: an ArrayBuffer (notepack writes it as extension type 0)
    if (typeof v.$ab === "string") return new Uint8Array(Buffer.from(v.$ab, "base64")).buffer;
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, revive(x)]));
  }
  return v;
};

const mark = (v) => {
  if (Buffer.isBuffer(v) || v instanceof ArrayBuffer || ArrayBuffer.isView(v)) {
    return { $bin: Buffer.from(v.buffer ? v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength) : v).toString("base64") };
  }
  if (Array.isArray(v)) return v.map(mark);
  if (v && typeof v === "object") {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mark(x)]));
  }
  return v;
};

const out = (o) => process.stdout.write(JSON.stringify(o) + "\n");

function encode(cmd) {
  const p = cmd.packet;
  const packet = { type: p.type, nsp: p.nsp };
  if (p.id !== undefined && p.id !== null) packet.id = p.id;
  if (p.data !== undefined) packet.data = revive(p.data);
  const frames = encoder.encode(packet).map((f) =>
    typeof f === "string" ? { text: f } : { bin: Buffer.from(f).toString("base64") });
  out({ type: "encoded", id: cmd.id, frames });
}

function decode(cmd) {
  const decoder = new Decoder();
  let result = null;
  decoder.on("decoded", (packet) => { result = packet; });
  try {
    for (const f of cmd.frames) {
      decoder.add(f.text !== undefined ? f.text : Buffer.from(f.bin, "base64"));
    }
  } catch (e) {
    out({ type: "rejected", id: cmd.id, message: String(e.message) });
    return;
  } finally {
    decoder.destroy();
  }
  if (result === null) {
    out({ type: "incomplete", id: cmd.id });
    return;
  }
  const packet = { type: result.type, nsp: result.nsp };
  if (result.id !== undefined) packet.id = result.id;
  if (result.data !== undefined) packet.data = mark(result.data);
  out({ type: "decoded", id: cmd.id, packet });
}

const rl = createInterface({ input: process.stdin });
rl.on("line", (line) => {
  const cmd = JSON.parse(line);
  try {
    if (cmd.cmd === "encode") encode(cmd);
    else if (cmd.cmd === "decode") decode(cmd);
    else out({ type: "error", id: cmd.id, message: "unknown command " + cmd.cmd });
  } catch (e) {
    out({ type: "error", id: cmd.id, message: String(e && e.stack || e) });
  }
});
rl.on("close", () => process.exit(0));
out({ type: "ready" });
