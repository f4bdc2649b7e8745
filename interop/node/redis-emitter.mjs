// The official npm @socket.io/redis-emitter 5.x over a `redis` v4 client, driven from stdin, so that
// tests check what sio4j nodes do with its messages.
// Usage: node redis-emitter.mjs '{"key":"<channel prefix>","redis":"redis://127.0.0.1:6379"}'
// Prints {"type":"ready"} once connected; each command {"cmd","tag",...} gets {"type":"reply","tag"}.
// Commands: emit {nsp?, rooms?, except?, event, args} (args: {"$bin":"<base64>"} for binary),
// socketsJoin {rooms?, join}, socketsLeave {rooms?, leave}, disconnectSockets {rooms?, close},
// serverSideEmit {event, args}.
import { createInterface } from "node:readline";
import { Emitter } from "@socket.io/redis-emitter";
import { createClient } from "redis";

const cfg = JSON.parse(process.argv[2] || "{}");
const out = (o) => process.stdout.write(JSON.stringify(o) + "\n");
const fromJson = (v) => {
  if (v && typeof v === "object" && !Array.isArray(v) && typeof v.$bin === "string") return Buffer.from(v.$bin, "base64");
  if (Array.isArray(v)) return v.map(fromJson);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fromJson(x)]));
  return v;
};

const redis = createClient({ url: cfg.redis || "redis://127.0.0.1:6379" });
redis.on("error", (e) => out({ type: "redis-error", error: String(e) }));
await redis.connect();
const root = new Emitter(redis, { key: cfg.key });

function target(cmd) {
  let op = cmd.nsp ? root.of(cmd.nsp) : root;
  if (cmd.rooms?.length) op = op.to(cmd.rooms);
  if (cmd.except?.length) op = op.except(cmd.except);
  return op;
}

createInterface({ input: process.stdin }).on("line", (line) => {
  const cmd = JSON.parse(line);
  try {
    switch (cmd.cmd) {
      case "emit":
        target(cmd).emit(cmd.event, ...fromJson(cmd.args || []));
        break;
      case "socketsJoin":
        target(cmd).socketsJoin(cmd.join);
        break;
      case "socketsLeave":
        target(cmd).socketsLeave(cmd.leave);
        break;
      case "disconnectSockets":
        target(cmd).disconnectSockets(!!cmd.close);
        break;
      case "serverSideEmit":
        (cmd.nsp ? root.of(cmd.nsp) : root).serverSideEmit(cmd.event, ...(cmd.args || []));
        break;
      default:
        return out({ type: "reply", tag: cmd.tag ?? null, error: "unknown command" });
    }
    out({ type: "reply", tag: cmd.tag ?? null });
  } catch (e) {
    out({ type: "reply", tag: cmd.tag ?? null, error: String(e) });
  }
});
process.stdin.on("end", async () => {
  await redis.quit().catch(() => {});
  process.exit(0);
});
out({ type: "ready" });
