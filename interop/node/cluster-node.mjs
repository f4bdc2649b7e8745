// The part of a mixed-cluster Node node that does not depend on the adapter: a socket.io 4.8 server
// with the adapter it is given, npm socket.io-client clients (to this server or any URL), the stdin
// commands the Java tests send and the JSON lines they read. redis-cluster-node.mjs and
// postgres-cluster-node.mjs open their connections, build their adapter and call runClusterNode.
// Output, one JSON object per line: {"type":"listening","port":N} first; then client events
// ({"type":"client-event","name","event","args"}), connects and disconnects, server-side events
// and replies to the commands ({"type":"reply","cmd","tag",...}). Binary values appear as
// {"$bin":"<base64>"} both ways.
import { createServer } from "node:http";
import { createInterface } from "node:readline";
import { Server } from "socket.io";
import { io as connectClient } from "socket.io-client";
import { fromJson, toJson } from "./binary-json.mjs";

export const out = (o) => process.stdout.write(JSON.stringify(o) + "\n");


// serverOptions: the socket.io Server options (at least "adapter"); close: ends the adapter's
// connections when stdin ends.
export function runClusterNode(serverOptions, close) {
  const http = createServer();
  const io = new Server(http, serverOptions);
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
        const c = connectClient(url, {
          auth: cmd.auth || {}, transports: ["websocket"], forceNew: true,
          reconnection: !!cmd.reconnect, reconnectionDelay: 100, reconnectionDelayMax: 200,
        });
        clients.set(cmd.name, c);
        c.onAny((event, ...args) => {
          const ack = typeof args[args.length - 1] === "function" ? args.pop() : null;
          out({ type: "client-event", name: cmd.name, event, args: toJson(args) });
          if (ack) ack(cmd.name + "-yes");
        });
        c.on("disconnect", (reason) => out({ type: "client-disconnect", name: cmd.name, reason }));
        c.on("connect", () => {
          out({ type: "client-connect", name: cmd.name, id: c.id, recovered: c.recovered });
          reply(cmd, { name: cmd.name, id: c.id });
        });
        c.on("connect_error", (e) => reply(cmd, { name: cmd.name, error: String(e) }));
        return;
      }
      case "retarget": // the client's next reconnection goes to cmd.url
        clients.get(cmd.name).io.uri = cmd.url;
        return reply(cmd, {});
      case "drop": // the server closes the client's transport (a recoverable "forced close")
        io.of("/").sockets.get(cmd.id)?.conn.close();
        return reply(cmd, {});
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
      case "allRooms": // only the classic Redis adapter has it
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
    await close();
    process.exit(0);
  });

  http.listen(0, "127.0.0.1", () => out({ type: "listening", port: http.address().port }));
}
