#!/usr/bin/env bash
# bench/scale.sh -- N sio4j bench server nodes on one cluster adapter, one sioload generator per
# node, and what a cluster does at scale: connect rate, RSS per connection, one node's broadcast
# reaching every connection of every node (delivery latency p50/p99), and an echo that goes
# through the adapter to another node and back.
#
#   bench/scale.sh [--nodes 5] [--per-node 1000] [--adapter redis] [--redis redis://127.0.0.1:6379]
#                  [--broadcast-s 20] [--echo-clients 50] [--echo-s 10] [--out DIR]
#                  [--ping-interval MS] [--ping-timeout MS]   (the servers' heartbeat; default 25000/20000)
# Environment: LISTEN_S (how long the listening generators measure; default 60 s + PER_NODE/40 s +
# the broadcast time), JAVA_SERVER_OPTS, LOADGEN_JAVA_OPTS, SCALE_PORT (first port, 23400), JAVA.
#
# Needs bench/target/sio4j-bench.jar (the README's build) and sioload's generator jar
# (../shared/sioload: ./run.sh build, or build a writable copy of its loadgen/ with mvn package);
# SIOLOAD_JAR points at it. Every process it starts is stopped by PID when it ends (also on Ctrl-C).
#
# How the figures are made (docs/PERFORMANCE.md, "Several nodes"):
#  1. N servers `sio4j-bench.jar server --adapter KIND --redis URL`; node 1 with --cross-echo send,
#     node 2 with --cross-echo answer (bench's CrossNodeEcho). RSS of each is read from /proc.
#  2. Generators 2..N start together: sioload `broadcast` with --max-ops 0, so their sender never
#     sends and their PER_NODE receivers only listen (delivery latency = receive time - the
#     sender's System.nanoTime() stamp; CLOCK_MONOTONIC is one clock for every process here).
#  3. Generator 1 starts: sioload `broadcast` on node 1, PER_NODE receivers + 1 sender, window 1.
#     The bench server answers 42["broadcast",X] with io.emit, so each broadcast goes through the
#     adapter to every node and so to all N*PER_NODE receivers.
#  4. Connect rate = connections / seconds until `ss` counts them all established; RSS per
#     connection = (sum of the servers' VmRSS when all are connected - before) / connections.
#  5. After generator 1 ends, a sioload `echo` generator on node 1 (--echo-clients, window 1): each
#     echo goes node 1 -> adapter -> node 2 -> adapter -> node 1 -> client, while the other nodes'
#     connections are still held.
set -u
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
PING="" NODES=5 PER_NODE=1000 ADAPTER=redis REDIS=redis://127.0.0.1:6379 BCAST_S=20 ECHO_CLIENTS=50 ECHO_S=10
OUT="$ROOT/bench/target/scale-$(date -u +%Y%m%dT%H%M%SZ)"
while [ $# -gt 0 ]; do
  case "$1" in
    --nodes) NODES=$2; shift 2 ;;
    --per-node) PER_NODE=$2; shift 2 ;;
    --adapter) ADAPTER=$2; shift 2 ;;
    --redis) REDIS=$2; shift 2 ;;
    --broadcast-s) BCAST_S=$2; shift 2 ;;
    --echo-clients) ECHO_CLIENTS=$2; shift 2 ;;
    --echo-s) ECHO_S=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --ping-interval) PING="$PING --ping-interval $2"; shift 2 ;;
    --ping-timeout) PING="$PING --ping-timeout $2"; shift 2 ;;
    -h|--help) sed -n '2,30p' "$0"; exit 0 ;;
    *) echo "scale.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[ "$NODES" -ge 2 ] || { echo "scale.sh: --nodes must be at least 2" >&2; exit 2; }
BENCH_JAR="${BENCH_JAR:-$ROOT/bench/target/sio4j-bench.jar}"
SIOLOAD_JAR="${SIOLOAD_JAR:-$ROOT/../shared/sioload/loadgen/target/sioload-loadgen.jar}"
JAVA="${JAVA:-java}"
SERVER_OPTS="${JAVA_SERVER_OPTS:--Xms128m -Xmx1g -Dio.netty.leakDetection.level=disabled}"
LOADGEN_OPTS="${LOADGEN_JAVA_OPTS:--Xms128m -Xmx768m -XX:+UseSerialGC}"
for f in "$BENCH_JAR" "$SIOLOAD_JAR"; do [ -f "$f" ] || { echo "scale.sh: missing $f" >&2; exit 1; }; done
# every process is held to the machine's hard limit (20,000 here): one server or generator then
# holds at most ~19,900 sockets, which bounds --per-node
ulimit -n "$(ulimit -Hn)" 2>/dev/null
mkdir -p "$OUT"
. "$HERE/processes.sh" # PIDS, cleanup on exit, rss_kb, established
log() { echo "[scale $(date -u +%H:%M:%S)] $*" | tee -a "$OUT/summary.txt"; }
free_port() {
  local p=$1
  while ss -Htan "( sport = :$p )" | grep -q .; do p=$((p + 1)); done
  echo "$p"
}
result() { grep '^RESULT ' "$1" | tail -1 | sed 's/^RESULT //'; }
json() { python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print(d.get(sys.argv[2], ""))' "$1" "$2"; }

log "nodes=$NODES per-node=$PER_NODE adapter=$ADAPTER redis=$REDIS${PING} nofile=$(ulimit -n) out=$OUT"
log "machine: $(nproc) cpus, load average $(cut -d' ' -f1-3 /proc/loadavg), $(free -m | awk '/^Mem/ {print $7}') MB available"

# 1. the servers
PORTS=() SPIDS=() port=${SCALE_PORT:-23400} # below the ephemeral range, which the clients use
for i in $(seq 1 "$NODES"); do
  port=$(free_port "$port")
  extra=""
  [ "$i" -eq 1 ] && extra="--cross-echo send"
  [ "$i" -eq 2 ] && extra="--cross-echo answer"
  # shellcheck disable=SC2086
  $JAVA $SERVER_OPTS -jar "$BENCH_JAR" server --port "$port" --adapter "$ADAPTER" --redis "$REDIS" \
    $extra $PING >"$OUT/server-$i.log" 2>&1 &
  SPIDS+=($!) PIDS+=($!) PORTS+=("$port")
  port=$((port + 1))
done
for i in $(seq 0 $((NODES - 1))); do
  for _ in $(seq 1 240); do grep -q '^READY' "$OUT/server-$((i + 1)).log" && break; sleep 0.5; done
  grep -q '^READY' "$OUT/server-$((i + 1)).log" || { log "node $((i + 1)) did not start"; exit 1; }
done
RSS0=0
for p in "${SPIDS[@]}"; do RSS0=$((RSS0 + $(rss_kb "$p"))); done
log "servers ready on ports ${PORTS[*]}, RSS ${RSS0} kB in all"

# 2. listening generators on nodes 2..N; they listen for longer than everything after them takes
TOTAL=$((NODES * PER_NODE))
LISTEN_S=${LISTEN_S:-$((60 + PER_NODE / 40 + BCAST_S))}
T0=$(date +%s.%N)
GPIDS=()
for i in $(seq 2 "$NODES"); do
  # shellcheck disable=SC2086
  $JAVA $LOADGEN_OPTS -jar "$SIOLOAD_JAR" --scenario broadcast --max-ops 0 --window 1 \
    --clients "$PER_NODE" --port "${PORTS[$((i - 1))]}" --server-pid "${SPIDS[$((i - 1))]}" \
    --label "node$i-listen" --payload-bytes 64 --warmup 0 --duration "$LISTEN_S" --drain 2 \
    --concurrency 100 --connect-timeout 1800 --handshake-timeout 60 >"$OUT/gen-$i.log" 2>&1 &
  GPIDS+=($!) PIDS+=($!)
done
# wait until the listeners are connected, so that every broadcast reaches all of them
WANT_LISTEN=$(((NODES - 1) * (PER_NODE + 1)))
while :; do
  CONNECTED=0
  for p in "${PORTS[@]:1}"; do CONNECTED=$((CONNECTED + $(established "$p"))); done
  [ "$CONNECTED" -ge "$WANT_LISTEN" ] && break
  alive=0
  for p in "${GPIDS[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
  [ "$alive" -eq 1 ] || break
  sleep 1
done
# 3. the broadcasting generator on node 1
# shellcheck disable=SC2086
$JAVA $LOADGEN_OPTS -jar "$SIOLOAD_JAR" --scenario broadcast --window 1 \
  --clients "$PER_NODE" --port "${PORTS[0]}" --server-pid "${SPIDS[0]}" --label node1-broadcast \
  --payload-bytes 64 --warmup 2 --duration "$BCAST_S" --drain 10 --concurrency 100 \
  --connect-timeout 1800 --handshake-timeout 60 >"$OUT/gen-1.log" 2>&1 &
G1=$! PIDS+=($!)

# 4. connect rate and RSS: poll until all N*PER_NODE (+1 sender per generator) are established
WANT=$((TOTAL + NODES))
while :; do
  CONNECTED=0
  for p in "${PORTS[@]}"; do CONNECTED=$((CONNECTED + $(established "$p"))); done
  [ "$CONNECTED" -ge "$WANT" ] && break
  kill -0 "$G1" 2>/dev/null || break
  sleep 1
done
T1=$(date +%s.%N)
RSS1=0
for p in "${SPIDS[@]}"; do RSS1=$((RSS1 + $(rss_kb "$p"))); done
CONNECT_S=$(python3 -c "print(round($T1 - $T0, 1))")
log "connected $CONNECTED of $WANT in ${CONNECT_S} s = $(python3 -c "print(round($CONNECTED / ($T1 - $T0)))") conn/s (nodes 2..N together, then node 1; ss polled every 1 s)"
log "server RSS ${RSS0} -> ${RSS1} kB = $(python3 -c "print(round(($RSS1 - $RSS0) * 1024 / max(1, $CONNECTED)))") B/connection (sum of $NODES JVMs)"
log "load average while connected: $(cut -d' ' -f1-3 /proc/loadavg)"

wait "$G1"
ALIVE=""
for p in "${PORTS[@]:1}"; do ALIVE="$ALIVE $(established "$p")"; done
log "established on nodes 2..$NODES after the broadcast:$ALIVE (of $((PER_NODE + 1)) each; fewer means the servers dropped connections, e.g. ping timeouts)"
R1=$(result "$OUT/gen-1.log")
[ -n "$R1" ] || { log "broadcasting generator gave no RESULT: $(tail -3 "$OUT/gen-1.log")"; exit 1; }
BCASTS=$(json "$R1" broadcasts)
log "node 1: $BCASTS broadcasts in ${BCAST_S} s ($(json "$R1" broadcasts_per_s)/s), local delivery p50 $(json "$R1" delivery_p50_us) us p99 $(json "$R1" delivery_p99_us) us, sender round trip p50 $(json "$R1" sender_rtt_p50_us) us, machine busy $(json "$R1" machine_busy_pct) %"

# 5. cross-node echo while the other nodes' connections are held
EPORT=${PORTS[0]}
# shellcheck disable=SC2086
$JAVA $LOADGEN_OPTS -jar "$SIOLOAD_JAR" --scenario echo --window 1 --clients "$ECHO_CLIENTS" \
  --port "$EPORT" --server-pid "${SPIDS[0]}" --label node1-cross-echo --payload-bytes 64 \
  --warmup 2 --duration "$ECHO_S" --drain 5 --concurrency 50 >"$OUT/echo.log" 2>&1 &
GE=$! PIDS+=($!)
wait "$GE"
RE=$(result "$OUT/echo.log")
log "cross-node echo (node 1 -> adapter -> node 2 -> adapter -> node 1), $ECHO_CLIENTS clients x window 1: $(json "$RE" msgs_per_s) msgs/s, p50 $(json "$RE" p50_us) us p99 $(json "$RE" p99_us) us, ok=$(json "$RE" ok)"

for p in "${GPIDS[@]}"; do wait "$p"; done
DELIV=0 P50S="" P99S=""
for i in $(seq 2 "$NODES"); do
  R=$(result "$OUT/gen-$i.log")
  [ -n "$R" ] || { log "node $i: no RESULT: $(tail -2 "$OUT/gen-$i.log")"; continue; }
  DELIV=$((DELIV + $(json "$R" deliveries)))
  P50S="$P50S $(json "$R" delivery_p50_us)" P99S="$P99S $(json "$R" delivery_p99_us)"
  log "node $i: connected $(json "$R" connected) in $(json "$R" connect_s) s, $(json "$R" deliveries) deliveries = $(python3 -c "print($(json "$R" deliveries) / $PER_NODE)") per receiver, delivery p50 $(json "$R" delivery_p50_us) us p99 $(json "$R" delivery_p99_us) us"
done
LOCAL=$(python3 -c "import json,sys; d=json.loads(sys.argv[1]); print(d['deliveries'])" "$R1")
SENT=$(python3 -c "print($BCASTS)")
log "broadcast reach: nodes 2..$NODES received $DELIV deliveries = $(python3 -c "print($DELIV / (($NODES - 1) * $PER_NODE))") per receiver (every broadcast node 1 sent, warm-up included; node 1 measured $SENT in its ${BCAST_S} s window, $LOCAL local deliveries)"
log "delivery latency p50 per node: $(json "$R1" delivery_p50_us)$P50S us; p99: $(json "$R1" delivery_p99_us)$P99S us"
log "done; logs in $OUT"
