#!/usr/bin/env bash
# bench/one-process.sh -- one sio4j bench server process holding CLIENTS (19,500) WebSocket
# connections with the Engine.IO heartbeat running, then a broadcast that must reach every one of
# them; reports connect rate, delivery latency p50/p99, the server's heap after a full GC and RSS.
# Takes about 4-5 minutes (connect time + --hold-s + --broadcast-s + ~60 s).
#
#   bench/one-process.sh [--clients 19500] [--hold-s 80] [--broadcast-s 30] [--window 1]
#                        [--ping-interval MS] [--ping-timeout MS] [--out DIR]
# Environment: JAVA, JAVA_SERVER_OPTS (default -Xms256m -Xmx2g, leak detection off), LOADGEN_JAVA_OPTS,
# ONE_PORT (first port tried, 23500), BENCH_JAR (bench/target/sio4j-bench.jar), SIOLOAD (sioload's
# folder, ../shared/sioload), SIOLOAD_JAR (default $SIOLOAD/loadgen/target/sioload-loadgen.jar; if
# missing, a writable copy of $SIOLOAD/loadgen is built under /tmp with `mvn -q -B package`).
#
# Why 19,500: every process here is held to 20,000 open files (`ulimit -Hn`, cannot be raised), the
# server and the generator alike; the server also needs descriptors for its jars and epoll.
#
# How (docs/PERFORMANCE.md, "One process"):
#  1. The server starts with the Engine.IO defaults (ping every 25 s, 20 s to answer) unless
#     --ping-* say otherwise. Heap after a full GC (`jcmd PID GC.run`, then the "used" of
#     `jcmd PID GC.heap_info`) and VmRSS are read before any connection.
#  2. Generator L (sioload `broadcast --max-ops 0`): CLIENTS receivers + 1 sender that never sends,
#     so they only listen and record the delivery latency of what arrives (receive time - the
#     sender's System.nanoTime() stamp; CLOCK_MONOTONIC is one clock for every process here).
#     Connect rate = connections / time until `ss` counts all of them established.
#  3. Hold --hold-s (80 s = 3 ping rounds for the last connection): the generator answers the
#     server's pings; a pong later than pingTimeout makes the server close the connection, so
#     "established after the hold" = CLIENTS + 1 says the heartbeat ran and kept every one.
#     Then heap after a full GC and RSS with all connections held.
#  4. Generator B (sioload `broadcast --clients 1`, window --window) sends 42["broadcast",X] for
#     --broadcast-s; the bench server answers each with io.emit to every connection.
#  5. Check by counting: L's deliveries must equal B's broadcasts sent (sent_total) x CLIENTS,
#     with no connection lost (sioload counts deliveries in total, not per receiver, so this is
#     "as many as every receiver getting every broadcast", each frame checked byte for byte).
#     Latency p50/p99 = L's histogram (its 19,500 receivers only). Heap and RSS are read again
#     after the broadcast, and the top of the class histogram is saved (class-histogram.txt).
# Every process it starts is stopped by PID when it ends (also on Ctrl-C).
set -u
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
CLIENTS=19500 HOLD_S=80 BCAST_S=30 WINDOW=1 PING=""
OUT="$ROOT/bench/target/one-process-$(date -u +%Y%m%dT%H%M%SZ)"
while [ $# -gt 0 ]; do
  case "$1" in
    --clients) CLIENTS=$2; shift 2 ;;
    --hold-s) HOLD_S=$2; shift 2 ;;
    --broadcast-s) BCAST_S=$2; shift 2 ;;
    --window) WINDOW=$2; shift 2 ;;
    --ping-interval) PING="$PING --ping-interval $2"; shift 2 ;;
    --ping-timeout) PING="$PING --ping-timeout $2"; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    -h|--help) sed -n '2,34p' "$0"; exit 0 ;;
    *) echo "one-process.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
JAVA="${JAVA:-java}"
BENCH_JAR="${BENCH_JAR:-$ROOT/bench/target/sio4j-bench.jar}"
SIOLOAD="${SIOLOAD:-$ROOT/../shared/sioload}"
SIOLOAD_JAR="${SIOLOAD_JAR:-$SIOLOAD/loadgen/target/sioload-loadgen.jar}"
SERVER_OPTS="${JAVA_SERVER_OPTS:--Xms256m -Xmx2g -Dio.netty.leakDetection.level=disabled}"
LOADGEN_OPTS="${LOADGEN_JAVA_OPTS:--Xms256m -Xmx1g -XX:+UseSerialGC}"
[ -f "$BENCH_JAR" ] || { echo "one-process.sh: missing $BENCH_JAR (build bench first)" >&2; exit 1; }
if [ ! -f "$SIOLOAD_JAR" ]; then
  COPY="${TMPDIR:-/tmp}/sio4j-loadgen"
  echo "one-process.sh: building sioload's generator in $COPY" >&2
  rm -rf "$COPY" && cp -r "$SIOLOAD/loadgen" "$COPY" && chmod -R u+w "$COPY" \
    && (cd "$COPY" && mvn -q -B package) || { echo "one-process.sh: generator build failed" >&2; exit 1; }
  SIOLOAD_JAR="$COPY/target/sioload-loadgen.jar"
fi
ulimit -n "$(ulimit -Hn)" 2>/dev/null
mkdir -p "$OUT"
. "$HERE/processes.sh" # PIDS, cleanup on exit, rss_kb, established
T_START=$(date +%s)
log() { echo "[one-process $(date -u +%H:%M:%S)] $*" | tee -a "$OUT/summary.txt"; }
free_port() {
  local p=$1
  while ss -Htan "( sport = :$p )" | grep -q .; do p=$((p + 1)); done
  echo "$p"
}
# live heap: a full GC, then the sum of "used" over the heap lines of GC.heap_info (kB)
heap_kb() {
  jcmd "$1" GC.run >/dev/null 2>&1
  jcmd "$1" GC.heap_info 2>/dev/null | tee -a "$OUT/heap-info.txt" \
    | awk '!/Metaspace|class space/ { for (i = 1; i < NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?$/, "", v); s += v } } END { print s + 0 }'
}
result() { grep '^RESULT ' "$1" | tail -1 | sed 's/^RESULT //'; }
ms() { python3 -c 'import sys; print("%.1f" % (float(sys.argv[1] or "nan") / 1000))' "$1"; }
json() { python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print(d.get(sys.argv[2], ""))' "$1" "$2"; }

log "clients=$CLIENTS hold=${HOLD_S}s broadcast=${BCAST_S}s window=$WINDOW${PING:- (Engine.IO default heartbeat)} nofile=$(ulimit -n) out=$OUT"
log "sio4j $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null)$(git -C "$ROOT" diff --quiet HEAD 2>/dev/null || echo '+changes'); $(nproc) cpus, load average $(cut -d' ' -f1-3 /proc/loadavg)"

# 1. the server
PORT=$(free_port "${ONE_PORT:-23500}")
# shellcheck disable=SC2086
$JAVA $SERVER_OPTS -jar "$BENCH_JAR" server --port "$PORT" $PING >"$OUT/server.log" 2>&1 &
SPID=$! PIDS+=($!)
for _ in $(seq 1 240); do grep -q '^READY' "$OUT/server.log" && break; sleep 0.5; done
grep -q '^READY' "$OUT/server.log" || { log "server did not start: $(tail -3 "$OUT/server.log")"; exit 1; }
sleep 2
HEAP0=$(heap_kb "$SPID") RSS0=$(rss_kb "$SPID")
log "server pid $SPID port $PORT: $(grep -m1 '^READY' "$OUT/server.log")"
log "idle server: heap after full GC ${HEAP0} kB, RSS ${RSS0} kB"

# 2. the listeners; they measure until the broadcast is over (+ a margin for the measurements)
LISTEN_S=$((HOLD_S + BCAST_S + 60))
T0=$(date +%s.%N)
# shellcheck disable=SC2086
$JAVA $LOADGEN_OPTS -jar "$SIOLOAD_JAR" --scenario broadcast --max-ops 0 --window 1 \
  --clients "$CLIENTS" --port "$PORT" --server-pid "$SPID" --label listen --payload-bytes 64 \
  --warmup 0 --duration "$LISTEN_S" --drain 2 --concurrency 100 --connect-timeout 600 \
  --handshake-timeout 60 >"$OUT/listen.log" 2>&1 &
LPID=$! PIDS+=($!)
WANT=$((CLIENTS + 1))
while :; do
  N=$(established "$PORT")
  [ "$N" -ge "$WANT" ] && break
  kill -0 "$LPID" 2>/dev/null || { log "listening generator ended early: $(tail -3 "$OUT/listen.log")"; exit 1; }
  sleep 1
done
T1=$(date +%s.%N)
RSS1=$(rss_kb "$SPID")
log "connected $N of $WANT in $(python3 -c "print(round($T1 - $T0, 1))") s = $(python3 -c "print(round($N / ($T1 - $T0)))") conn/s (ss polled every 1 s); RSS ${RSS1} kB"

# 3. hold: the heartbeat runs
sleep "$HOLD_S"
N=$(established "$PORT")
HEAP1=$(heap_kb "$SPID") RSS2=$(rss_kb "$SPID")
log "after ${HOLD_S} s of heartbeats: $N of $WANT established (fewer = closed by the server, e.g. ping timeout)"
log "held: heap after full GC ${HEAP1} kB = $(python3 -c "print(round(($HEAP1 - $HEAP0) * 1024 / max(1, $N)))") B/connection live; RSS ${RSS2} kB = $(python3 -c "print(round(($RSS2 - $RSS0) * 1024 / max(1, $N)))") B/connection over the idle server"

# 4. the broadcast
# shellcheck disable=SC2086
$JAVA $LOADGEN_OPTS -jar "$SIOLOAD_JAR" --scenario broadcast --window "$WINDOW" --clients 1 \
  --port "$PORT" --server-pid "$SPID" --label broadcast --payload-bytes 64 --warmup 2 \
  --duration "$BCAST_S" --drain 10 --handshake-timeout 60 >"$OUT/broadcast.log" 2>&1 &
BPID=$! PIDS+=($!)
wait "$BPID"
RB=$(result "$OUT/broadcast.log")
[ -n "$RB" ] || { log "broadcasting generator gave no RESULT: $(tail -3 "$OUT/broadcast.log")"; exit 1; }
N=$(established "$PORT")
HEAP2=$(heap_kb "$SPID") RSS3=$(rss_kb "$SPID")
jcmd "$SPID" GC.class_histogram 2>/dev/null | head -40 >"$OUT/class-histogram.txt"
log "after the broadcast: $N of $WANT listeners' connections established; heap after full GC ${HEAP2} kB, RSS ${RSS3} kB"

# 5. the listeners' count and latency
wait "$LPID"
RL=$(result "$OUT/listen.log")
[ -n "$RL" ] || { log "listening generator gave no RESULT: $(tail -3 "$OUT/listen.log")"; exit 1; }
SENT=$(json "$RB" sent_total) DELIV=$(json "$RL" deliveries)
VERDICT=$(python3 -c "print('OK: every receiver got every broadcast' if $DELIV == $SENT * $CLIENTS else 'MISMATCH')")
log "broadcast: $SENT sent ($(json "$RB" broadcasts_per_s)/s in the window, sender round trip p50 $(ms "$(json "$RB" sender_rtt_p50_us)") ms p99 $(ms "$(json "$RB" sender_rtt_p99_us)") ms)"
log "count: $DELIV deliveries to $CLIENTS receivers = $(python3 -c "print($DELIV / $CLIENTS)") per receiver, expected $SENT: $VERDICT; unexpected closes $(json "$RL" unexpected_closes), bad frames $(json "$RL" bad_frames)"
log "delivery latency (send -> receive) p50 $(ms "$(json "$RL" delivery_p50_us)") ms, p99 $(ms "$(json "$RL" delivery_p99_us)") ms, p99.9 $(ms "$(json "$RL" delivery_p999_us)") ms, max $(ms "$(json "$RL" delivery_max_us)") ms"
CPU_US=$(python3 -c "b = $(json "$RB" broadcasts); print(round($(json "$RB" server_cpu_pct) / 100 * $(json "$RB" duration_s) * 1e6 / (b * ($CLIENTS + 3)), 1) if b else '-')")
log "server CPU in the broadcast window: $(json "$RB" server_cpu_pct) % of a core = about $CPU_US us per delivery ($(json "$RB" broadcasts) broadcasts x $((CLIENTS + 3)) connections)"
log "server CPU over the listeners' window $(json "$RL" server_cpu_pct) % (full GCs included); other_cpu_pct $(json "$RL" other_cpu_pct) % (listeners' window) / $(json "$RB" other_cpu_pct) % (broadcast window) of 200; load average $(cut -d' ' -f1-3 /proc/loadavg)"
log "done in $(($(date +%s) - T_START)) s; logs in $OUT"
[ "$VERDICT" != MISMATCH ]
