// A Node socket.io 4.8 server with @socket.io/redis-adapter 8.x, one node of a cluster that sio4j
// servers join over the same Redis, plus npm socket.io-client clients (to this server or any URL).
// Usage: node redis-cluster-node.mjs '{"key":"<channel prefix>","redis":"redis://127.0.0.1:6379"}'
// With "sharded":true it uses createShardedAdapter (channelPrefix = key, "subscriptionMode" as given,
// default "dynamic") instead of the classic createAdapter. With "streams":true it uses
// @socket.io/redis-streams-adapter 0.3 (streamName = channelPrefix = key, sessions under
// "<key>:session:"); with "recovery":true connection state recovery is on (2 min).
// The stdin commands and output lines are those of cluster-node.mjs.
import { createAdapter, createShardedAdapter } from "@socket.io/redis-adapter";
import { createAdapter as createStreamsAdapter } from "@socket.io/redis-streams-adapter";
import { createClient } from "redis";
import { out, runClusterNode } from "./cluster-node.mjs";

const cfg = JSON.parse(process.argv[2] || "{}");

const pub = createClient({ url: cfg.redis || "redis://127.0.0.1:6379" });
const sub = pub.duplicate();
pub.on("error", (e) => out({ type: "redis-error", error: String(e) }));
sub.on("error", (e) => out({ type: "redis-error", error: String(e) }));
await Promise.all([pub.connect(), sub.connect()]);

runClusterNode(
  {
    connectionStateRecovery: cfg.recovery ? { maxDisconnectionDuration: 120000 } : undefined,
    adapter: cfg.streams
      ? createStreamsAdapter(pub, { streamName: cfg.key, channelPrefix: cfg.key, sessionKeyPrefix: cfg.key + ":session:", blockTimeInMs: 1000 })
      : cfg.sharded
      ? createShardedAdapter(pub, sub, { channelPrefix: cfg.key, subscriptionMode: cfg.subscriptionMode ?? "dynamic" })
      : createAdapter(pub, sub, { key: cfg.key, requestsTimeout: cfg.requestsTimeout ?? 3000 }),
  },
  () => Promise.allSettled([pub.quit(), sub.quit()]),
);
