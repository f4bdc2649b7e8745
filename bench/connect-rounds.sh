#!/usr/bin/env bash
# bench/connect-rounds.sh -- connection set-up cost of one server process, round by round: the
# server starts once, pinned to CPU 0, and sioload's `connect` scenario (CLIENTS connections, 200
# handshakes in flight, a short hold, then all closed) runs ROUNDS times against it, the generator
# pinned to CPU 1. Round 1 is what sioload's case 5 measures: a fresh JVM, whose JIT compiles the
# connect path while it connects. The later rounds show the cost once the code is compiled.
# For each round it prints sioload's server CPU per connection (the connect window only) and the
# server's CPU ticks per thread over the whole round (the event loop, the JIT compilers, the VM
# thread, where the Serial collector runs; 1 tick = 10 ms), plus the classes loaded in the round.
# About 15 s per round.
#
#   bench/connect-rounds.sh SERVER [ROUNDS (4)] [CLIENTS (10000)]
# SERVER: a folder of sioload's servers/ (netty-raw, netty-socketio, node-socketio, ...), or
# `sio4j` for this repo's bench server (bench/target/sio4j-bench.jar, built by `mvn install`).
# Environment: SIOLOAD (sioload's folder, ../shared/sioload; its loadgen and reference servers built
# with `./run.sh build`), JAVA, JAVA_SERVER_OPTS (default -Xms256m -Xmx2g, leak detection off, as
# sioload's run.sh), PORT (first port tried, 24500).
# Run servers alternately and repeat: a fresh JVM's round 1 varies by +-20 % from run to run.
set -u
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
SERVER=${1:?usage: connect-rounds.sh SERVER [ROUNDS] [CLIENTS]}
ROUNDS=${2:-4}
CLIENTS=${3:-10000}
SIOLOAD="${SIOLOAD:-$ROOT/../shared/sioload}"
LOADGEN="$SIOLOAD/loadgen/target/sioload-loadgen.jar"
JAVA="${JAVA:-java}"
export JAVA_SERVER_OPTS="${JAVA_SERVER_OPTS:--Xms256m -Xmx2g -Dio.netty.leakDetection.level=disabled}"
[ -f "$LOADGEN" ] || { echo "connect-rounds.sh: no $LOADGEN (run ./run.sh build in $SIOLOAD)" >&2; exit 2; }
PORT=${PORT:-24500}
while ss -ltn 2>/dev/null | grep -q ":$PORT "; do PORT=$((PORT + 1)); done
ulimit -n 20000 2>/dev/null || true
LOG=$(mktemp /tmp/connect-rounds.XXXXXX)
if [ "$SERVER" = sio4j ]; then
  # shellcheck disable=SC2086 # the options are a list
  taskset -c 0 "$JAVA" $JAVA_SERVER_OPTS -jar "$ROOT/bench/target/sio4j-bench.jar" server --port "$PORT" >"$LOG" 2>&1 &
else
  taskset -c 0 "$SIOLOAD/servers/$SERVER/start.sh" "$PORT" >"$LOG" 2>&1 &
fi
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -f "$LOG"' EXIT
for _ in $(seq 1 120); do
  ss -ltnp 2>/dev/null | grep -q ":$PORT .*pid=$PID," && break
  kill -0 $PID 2>/dev/null || { cat "$LOG" >&2; exit 1; }
  sleep 0.5
done
# CPU ticks (user + system) per thread name, summed over threads of the same name
ticks() {
  for t in /proc/$PID/task/*; do
    n=$(tr ' ' '_' <"$t/comm" 2>/dev/null) || continue
    # shellcheck disable=SC2046 # the fields after the command name
    set -- $(cut -d')' -f2 "$t/stat" 2>/dev/null)
    echo "$n $((${12} + ${13}))"
  done | awk '{c[$1] += $2} END {for (k in c) print k, c[k]}' | sort
}
classes() { jstat -class $PID 2>/dev/null | awk 'NR == 2 {print $1}'; }
for r in $(seq 1 "$ROUNDS"); do
  ticks >"$LOG.t0"; c0=$(classes)
  result=$(taskset -c 1 "$JAVA" -Xms256m -Xmx1g -XX:+UseSerialGC -jar "$LOADGEN" --port "$PORT" \
    --server-pid $PID --label "$SERVER" --scenario connect --clients "$CLIENTS" --concurrency 200 \
    --hold 1 --settle 2 2>/dev/null | grep '^RESULT')
  ticks >"$LOG.t1"; c1=$(classes)
  cpu=$(grep -o '"server_cpu_us_per_conn":[0-9.]*' <<<"$result" | cut -d: -f2)
  ok=$(grep -o '"ok":[a-z]*' <<<"$result" | cut -d: -f2)
  threads=$(join -a2 "$LOG.t0" "$LOG.t1" | awk '{d = ($3 == "" ? $2 : $3 - $2); if (d > 0) printf " %s=%d", $1, d}')
  echo "$SERVER round $r: server CPU ${cpu:-?} us/conn (ok=${ok:-?}), classes loaded $((${c1:-0} - ${c0:-0})), ticks:$threads"
done
rm -f "$LOG.t0" "$LOG.t1"
