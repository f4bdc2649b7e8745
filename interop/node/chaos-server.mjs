// A socket.io 4.8 server for the Java client's chaos tests (interop/src/test/java/io/sio4j/
// interop/chaos). Usage: node chaos-server.mjs '{"recovery":true}'
// Every socket joins "room1" unless it was recovered; "job" events are counted and acknowledged
// with their argument. Output (JSON lines): listening {port}, connection {id,recovered,rooms},
// disconnect {id,reason}, done {cmd}, processed {counts: {i: times}}.
// Commands (stdin): {"cmd":"stream","from":a,"to":b} emits "n" a..b to room1;
//   {"cmd":"end"} emits "end" to room1; {"cmd":"mark","round":r} emits "mark" r to room1; {"cmd":"processed"}; {"cmd":"rooms","id":sid} answers
//   rooms {id, rooms}.
import { createServer } from "node:http";
import { createInterface } from "node:readline";
import { Server } from "socket.io";

const cfg = JSON.parse(process.argv[2] || "{}");
const out = (o) => process.stdout.write(JSON.stringify(o) + "\n");
const http = createServer();
const io = new Server(http, {
  pingInterval: cfg.pingInterval ?? 25000,
  pingTimeout: cfg.pingTimeout ?? 20000,
  connectionStateRecovery: cfg.recovery ? { maxDisconnectionDuration: 60000, skipMiddlewares: true } : undefined,
});
const processed = {};
io.on("connection", (socket) => {
  if (!socket.recovered) socket.join("room1");
  out({ type: "connection", id: socket.id, recovered: socket.recovered, rooms: [...socket.rooms] });
  socket.on("disconnect", (reason) => out({ type: "disconnect", id: socket.id, reason }));
  socket.on("job", (i, cb) => {
    processed[i] = (processed[i] ?? 0) + 1;
    if (typeof cb === "function") cb(i);
  });
});

createInterface({ input: process.stdin }).on("line", (line) => {
  const c = JSON.parse(line);
  switch (c.cmd) {
    case "stream":
      for (let i = c.from; i <= c.to; i++) io.to("room1").emit("n", i);
      break;
    case "end": io.to("room1").emit("end"); break;
    case "mark": io.to("room1").emit("mark", c.round); break;
    case "processed": out({ type: "processed", counts: processed }); break;
    case "rooms": {
      const s = io.of("/").sockets.get(c.id);
      out({ type: "rooms", id: c.id, rooms: s ? [...s.rooms] : null });
      break;
    }
    default: out({ type: "error", message: "unknown command " + c.cmd }); return;
  }
  out({ type: "done", cmd: c.cmd });
});
http.listen(cfg.port ?? 0, "127.0.0.1", () => out({ type: "listening", port: http.address().port }));
