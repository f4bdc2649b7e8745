// A socket.io 4.8 server for the Java client's interop tests.
// Usage: node node-server.mjs '{"pingInterval":300,"pingTimeout":200,"recovery":true}'
// Options: pingInterval, pingTimeout, maxHttpBufferSize, transports, recovery, tls, cookie, port.
// Prints one JSON object per line on stdout: {"type":"listening","port":N} first, then
// connection / disconnect / event / ack lines. Reads JSON command lines on stdin (see commands).
// Binary values appear as {"$bin":"<base64>"} in both directions.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { createServer as createTlsServer } from "node:https";
import { createInterface } from "node:readline";
import { Server } from "socket.io";
import { fromJson, toJson } from "./binary-json.mjs";

const cfg = JSON.parse(process.argv[2] || "{}");
const out = (o) => process.stdout.write(JSON.stringify(o) + "\n");


let port = cfg.port || 0;
let io;
const seen = new Map(); // flaky event receipts, by payload

function start() {
  // {"tls":{"pfx":"<PKCS12 file>","passphrase":"..."}} serves https/wss instead
  const http = cfg.tls
    ? createTlsServer({ pfx: readFileSync(cfg.tls.pfx), passphrase: cfg.tls.passphrase })
    : createServer();
  io = new Server(http, {
    pingInterval: cfg.pingInterval ?? 25000,
    pingTimeout: cfg.pingTimeout ?? 20000,
    maxHttpBufferSize: cfg.maxHttpBufferSize ?? 1e6,
    transports: cfg.transports ?? ["polling", "websocket"],
    connectionStateRecovery: cfg.recovery ? { maxDisconnectionDuration: 60000, skipMiddlewares: true } : undefined,
    cookie: cfg.cookie ? { name: "io", path: "/", httpOnly: true, sameSite: "lax" } : false,
  });
  // every HTTP request after the handshake that brings a cookie back
  io.engine.on("headers", (headers, req) => {
    if (req.headers.cookie) out({ type: "cookie", cookie: req.headers.cookie });
  });
  const setup = (nsp) => {
    nsp.on("connection", (socket) => {
      out({ type: "connection", nsp: nsp.name, id: socket.id, auth: socket.handshake.auth,
        query: socket.handshake.query, headers: { "x-test": socket.handshake.headers["x-test"] ?? null },
        recovered: socket.recovered, transport: socket.conn.transport.name });
      socket.conn.on("upgrade", (t) => out({ type: "upgrade", id: socket.id, transport: t.name }));
      socket.on("disconnect", (reason) => out({ type: "disconnect", nsp: nsp.name, id: socket.id, reason }));
      socket.onAny((event, ...args) => {
        const ack = typeof args[args.length - 1] === "function" ? args.pop() : null;
        out({ type: "event", nsp: nsp.name, id: socket.id, event, args: toJson(args), withAck: !!ack });
        if (event === "echo") socket.emit("echo", ...args);
        if (event === "ack" && ack) ack(...args);
        if (event === "flaky" && ack) {
          const key = JSON.stringify(toJson(args));
          const n = (seen.get(key) || 0) + 1;
          seen.set(key, n);
          if (n >= 2) ack("ok", n); // the first delivery is never acknowledged
        }
        if (event === "ask") {
          socket.timeout(5000).emit("question", ...args, (err, ...answer) =>
            out({ type: "answer", err: err ? String(err) : null, args: toJson(answer) }));
        }
        if (event === "big") socket.emit("big", "x".repeat(args[0]));
      });
    });
  };
  setup(io.of("/"));
  setup(io.of("/chat"));
  const admin = io.of("/admin");
  admin.use((socket, next) => {
    if (socket.handshake.auth && socket.handshake.auth.token === "secret") return next();
    const err = new Error("not authorized");
    err.data = { reason: "bad token" };
    next(err);
  });
  setup(admin);
  http.listen(port, "127.0.0.1", () => {
    port = http.address().port;
    out({ type: "listening", port });
  });
}

function sockets(nsp) {
  return [...io.of(nsp || "/").sockets.values()];
}

const commands = {
  // a broadcast, so that with connectionStateRecovery disconnected sessions get it on recovery
  emit: (c) => io.of(c.nsp || "/").emit(c.event, ...fromJson(c.args || [])),
  emitWithAck: (c) => sockets(c.nsp).forEach((s) =>
    s.timeout(5000).emit(c.event, ...fromJson(c.args || []), (err, ...args) =>
      out({ type: "answer", err: err ? String(err) : null, args: toJson(args) }))),
  volatile: (c) => sockets(c.nsp).forEach((s) => s.volatile.emit(c.event, ...fromJson(c.args || []))),
  closeTransport: () => io.of("/").sockets.forEach((s) => s.conn.close()),
  disconnect: (c) => sockets(c.nsp).forEach((s) => s.disconnect(!!c.close)),
  rawMessage: (c) => sockets(c.nsp).forEach((s) => s.conn.write(c.data)),
  rawFrame: (c) => sockets(c.nsp).forEach((s) => {
    const t = s.conn.transport;
    if (t.name === "websocket") t.socket.send(c.data);
    else t.send([{ type: "message", data: c.data }]);
  }),
  restart: () => io.close(() => { out({ type: "stopped" }); start(); }),
  stop: () => io.close(() => out({ type: "stopped" })),
  count: () => out({ type: "count", count: io.of("/").sockets.size, engine: io.engine.clientsCount }),
};

createInterface({ input: process.stdin }).on("line", (line) => {
  try {
    const c = JSON.parse(line);
    commands[c.cmd](c);
    out({ type: "done", cmd: c.cmd });
  } catch (e) {
    out({ type: "commandError", error: String(e) });
  }
});
process.stdin.on("end", () => process.exit(0));
start();
