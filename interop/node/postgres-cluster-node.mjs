// A Node socket.io 4.8 server with @socket.io/postgres-adapter 0.5, one node of a cluster that
// sio4j servers join over the same PostgreSQL, plus npm socket.io-client clients (to this server or
// any URL). Usage: node postgres-cluster-node.mjs '{"prefix":"<channel prefix>",
// "postgres":"postgres://postgres@127.0.0.1:5432/test"}' (optional "heartbeatInterval",
// "heartbeatTimeout", "requestsTimeout" in ms). The same stdin commands and output lines as
// redis-cluster-node.mjs: {"type":"listening","port":N} first, then client events and replies.
// Binary values appear as {"$bin":"<base64>"}.
import { createServer } from "node:http";
import { createInterface } from "node:readline";
import { Server } from "socket.io";
import { io as connectClient } from "socket.io-client";
import { createAdapter } from "@socket.io/postgres-adapter";
import pg from "pg";

const cfg = JSON.parse(process.argv[2] || "{}");
const out = (o) => process.stdout.write(JSON.stringify(o) + "\n");
const toJson = (v) => {
  if (Buffer.isBuffer(v) || v instanceof ArrayBuffer || ArrayBuffer.isView(v)) {
    return { $bin: Buffer.from(v.buffer ? v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength) : v).toString("base64") };
  }
  if (Array.isArray(v)) return v.map(toJson);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toJson(x)]));
  return v;
};
const fromJson = (v) => {
  if (v && typeof v === "object" && !Array.isArray(v) && typeof v.$bin === "string") return Buffer.from(v.$bin, "base64");
  if (Array.isArray(v)) return v.map(fromJson);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fromJson(x)]));
  return v;
};

const pool = new pg.Pool({ connectionString: cfg.postgres || "postgres://postgres@127.0.0.1:5432/test" });
pool.on("error", (e) => out({ type: "postgres-error", error: String(e) }));
await pool.query(`CREATE TABLE IF NOT EXISTS socket_io_attachments (
  id bigserial UNIQUE, created_at timestamptz DEFAULT NOW(), payload bytea)`).catch(() => {});

const http = createServer();
const io = new Server(http, {
  adapter: createAdapter(pool, {
    channelPrefix: cfg.prefix,
    heartbeatInterval: cfg.heartbeatInterval ?? 1000,
    heartbeatTimeout: cfg.heartbeatTimeout ?? 3000,
    requestsTimeout: cfg.requestsTimeout ?? 3000,
    errorHandler: (e) => out({ type: "postgres-error", error: String(e) }),
  }),
});
io.on("connection", (socket) => {
  const auth = socket.handshake.auth || {};
  socket.data.name = auth.name;
  if (auth.room) socket.join(auth.room);
});
// server-side events from the other nodes
io.on("ping", (arg, ack) => ack("pong from node " + arg));
io.on("note", (...args) => out({ type: "server-side", event: "note", args: toJson(args) }));

const clients = new Map();
const reply = (cmd, body) => out({ type: "reply", cmd: cmd.cmd, tag: cmd.tag ?? null, ...body });

async function run(cmd) {
  switch (cmd.cmd) {
    case "connect": {
      const url = cmd.url || `http://127.0.0.1:${http.address().port}`;
      const c = connectClient(url, { auth: cmd.auth || {}, transports: ["websocket"], forceNew: true, reconnection: false });
      clients.set(cmd.name, c);
      c.onAny((event, ...args) => {
        const ack = typeof args[args.length - 1] === "function" ? args.pop() : null;
        out({ type: "client-event", name: cmd.name, event, args: toJson(args) });
        if (ack) ack(cmd.name + "-yes");
      });
      c.on("disconnect", (reason) => out({ type: "client-disconnect", name: cmd.name, reason }));
      c.on("connect", () => reply(cmd, { name: cmd.name, id: c.id }));
      c.on("connect_error", (e) => reply(cmd, { name: cmd.name, error: String(e) }));
      return;
    }
    case "emit":
      (cmd.room ? io.to(cmd.room) : io).except(cmd.except ?? []).emit(cmd.event, ...fromJson(cmd.args || []));
      return reply(cmd, {});
    case "emitWithAck": {
      try {
        const answers = await io.timeout(cmd.timeout ?? 5000).emitWithAck(cmd.event, ...fromJson(cmd.args || []));
        return reply(cmd, { answers: toJson(answers) });
      } catch (e) {
        return reply(cmd, { error: String(e) });
      }
    }
    case "fetchSockets": {
      const sockets = await (cmd.room ? io.in(cmd.room) : io).fetchSockets();
      return reply(cmd, { sockets: sockets.map((s) => ({ id: s.id, rooms: [...s.rooms], data: s.data, auth: s.handshake.auth })) });
    }
    case "remoteEmit": {
      const [s] = await io.in(cmd.id).fetchSockets();
      s.emit(cmd.event, ...fromJson(cmd.args || []));
      return reply(cmd, { found: !!s });
    }
    case "socketsJoin":
      io.in(cmd.target).socketsJoin(cmd.room);
      return reply(cmd, {});
    case "disconnectSockets":
      io.in(cmd.target).disconnectSockets(false);
      return reply(cmd, {});
    case "serverSideEmit":
      io.serverSideEmit(cmd.event, ...(cmd.args || []));
      return reply(cmd, {});
    case "serverSideEmitWithAck": {
      try {
        const answers = await io.serverSideEmitWithAck(cmd.event, ...(cmd.args || []));
        return reply(cmd, { answers });
      } catch (e) {
        return reply(cmd, { error: String(e) });
      }
    }
    case "allRooms":
      return reply(cmd, { rooms: [...(await io.of("/").adapter.allRooms())] });
    case "serverCount":
      return reply(cmd, { count: await io.of("/").adapter.serverCount() });
    case "rooms": {
      const [s] = await io.in(cmd.id).fetchSockets();
      return reply(cmd, { rooms: s ? [...s.rooms] : null });
    }
    default:
      return reply(cmd, { error: "unknown command" });
  }
}

createInterface({ input: process.stdin }).on("line", (line) => {
  let cmd;
  try {
    cmd = JSON.parse(line);
  } catch {
    return out({ type: "bad-command", line });
  }
  run(cmd).catch((e) => reply(cmd, { error: String(e) }));
});
process.stdin.on("end", async () => {
  for (const c of clients.values()) c.close();
  io.close();
  await pool.end().catch(() => {});
  process.exit(0);
});

http.listen(0, "127.0.0.1", () => out({ type: "listening", port: http.address().port }));
