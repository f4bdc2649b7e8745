// A Node socket.io 4.8 server with @socket.io/postgres-adapter 0.5, one node of a cluster that
// sio4j servers join over the same PostgreSQL, plus npm socket.io-client clients (to this server or
// any URL). Usage: node postgres-cluster-node.mjs '{"prefix":"<channel prefix>",
// "postgres":"postgres://postgres@127.0.0.1:5432/test"}' (optional "heartbeatInterval",
// "heartbeatTimeout", "requestsTimeout" in ms). The stdin commands and output lines are those of
// cluster-node.mjs (shared with redis-cluster-node.mjs).
import { createAdapter } from "@socket.io/postgres-adapter";
import pg from "pg";
import { out, runClusterNode } from "./cluster-node.mjs";

const cfg = JSON.parse(process.argv[2] || "{}");

const pool = new pg.Pool({ connectionString: cfg.postgres || "postgres://postgres@127.0.0.1:5432/test" });
pool.on("error", (e) => out({ type: "postgres-error", error: String(e) }));
await pool.query(`CREATE TABLE IF NOT EXISTS socket_io_attachments (
  id bigserial UNIQUE, created_at timestamptz DEFAULT NOW(), payload bytea)`).catch(() => {});

runClusterNode(
  {
    adapter: createAdapter(pool, {
      channelPrefix: cfg.prefix,
      heartbeatInterval: cfg.heartbeatInterval ?? 1000,
      heartbeatTimeout: cfg.heartbeatTimeout ?? 3000,
      requestsTimeout: cfg.requestsTimeout ?? 3000,
      errorHandler: (e) => out({ type: "postgres-error", error: String(e) }),
    }),
  },
  () => pool.end().catch(() => {}),
);
