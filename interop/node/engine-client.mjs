// An engine.io-client (npm, 6.6.x) peer for the Java interop tests.
// usage: node engine-client.mjs <url> '<options json>'
// Prints one JSON object per line: open, upgrade, message, binary, ping, close, error.
// Reads JSON commands on stdin: {"cmd":"send","text":..}, {"cmd":"sendBinary","bytes":[..]},
// {"cmd":"stopPong"} (stop answering pings), {"cmd":"close"}.
import { Socket } from "engine.io-client";
import readline from "node:readline";

const url = process.argv[2];
const options = JSON.parse(process.argv[3] || "{}");
const print = (o) => process.stdout.write(JSON.stringify(o) + "\n");

const socket = new Socket(url, { path: "/engine.io/", ...options });
let answerPings = true;
const originalSend = socket._sendPacket.bind(socket);
socket._sendPacket = (type, ...rest) => {
  if (type === "pong" && !answerPings) return;
  return originalSend(type, ...rest);
};

const extensions = () => {
  const ws = socket.transport && socket.transport.ws;
  return ws && typeof ws.extensions === "string" ? ws.extensions : "";
};
socket.on("open", () =>
  print({ type: "open", sid: socket.id, transport: socket.transport.name, extensions: extensions() }),
);
socket.on("upgrade", (t) => print({ type: "upgrade", transport: t.name }));
socket.on("ping", () => print({ type: "ping", transport: socket.transport.name }));
socket.on("message", (data) => {
  if (typeof data === "string") print({ type: "message", text: data });
  else print({ type: "binary", bytes: Array.from(new Uint8Array(data)) });
});
socket.on("error", (e) => print({ type: "error", message: String(e && e.message) }));
socket.on("close", (reason, description) => {
  // no exit here: the client may still be sending its close packet; the test ends the process
  print({ type: "close", reason, description: description && String(description.description || description.message || description) });
});

readline.createInterface({ input: process.stdin }).on("line", (line) => {
  const c = JSON.parse(line);
  if (c.cmd === "send") socket.send(c.text);
  else if (c.cmd === "sendBinary") socket.send(Uint8Array.from(c.bytes));
  else if (c.cmd === "stopPong") answerPings = false;
  else if (c.cmd === "close") socket.close();
});
