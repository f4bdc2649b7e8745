// A socket.io 2.5 server (Engine.IO v3, Socket.IO protocol v4) for the Java client's v3 mode
// (ClientOptions#eio3). Usage: node node-server-v2.mjs '{"pingInterval":300,"pingTimeout":200}'
// Fixture: "/" greets with "welcome" (text and binary), answers "ack" with ["ok", ...args],
// echoes "echo" as "echo-back", and on "ask" emits "question" 7 with an ack, printing the answer;
// "/admin" lets in only handshake.query.token === "abc" (else next(new Error("not authorized"))).
// Prints one JSON line each: listening {port}, connection {nsp,id,transport}, upgrade {transport},
// answer {args}, heartbeat (a ping from the client). Binary values appear as {"$bin":"<base64>"}.
import { createServer } from "node:http";
import Server from "socket.io-v2";

const cfg = JSON.parse(process.argv[2] || "{}");
const out = (o) => process.stdout.write(JSON.stringify(o) + "\n");
const toJson = (v) => {
  if (Buffer.isBuffer(v)) return { $bin: v.toString("base64") };
  if (Array.isArray(v)) return v.map(toJson);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toJson(x)]));
  return v;
};

const http = createServer();
const io = Server(http, {
  pingInterval: cfg.pingInterval ?? 25000,
  pingTimeout: cfg.pingTimeout ?? 20000,
  serveClient: false,
});
io.engine.on("connection", (conn) => {
  conn.on("upgrade", (t) => out({ type: "upgrade", transport: t.name }));
  conn.on("heartbeat", () => out({ type: "heartbeat" }));
});
io.on("connection", (socket) => {
  out({ type: "connection", nsp: "/", id: socket.id, transport: socket.conn.transport.name });
  socket.emit("welcome", "hi", Buffer.from([1, 2, 3]));
  socket.on("ack", (...args) => {
    const cb = args.pop();
    cb("ok", ...args);
  });
  socket.on("echo", (...args) => socket.emit("echo-back", ...args));
  socket.on("ask", () => socket.emit("question", 7, (...answer) => out({ type: "answer", args: toJson(answer) })));
});
io.of("/admin")
  .use((socket, next) => (socket.handshake.query.token === "abc" ? next() : next(new Error("not authorized"))))
  .on("connection", (socket) => {
    out({ type: "connection", nsp: "/admin", id: socket.id });
    socket.emit("admin-hello", socket.handshake.query.token);
  });
http.listen(cfg.port ?? 0, "127.0.0.1", () => out({ type: "listening", port: http.address().port }));
