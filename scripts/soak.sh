#!/usr/bin/env bash
# The soak (issue 14; docs/RELIABILITY.md, "Soak"). Not part of the test run.
#
#   scripts/soak.sh [OUT_DIR]        defaults: 10,000 clients for 30 minutes
#
# Starts bench's server (BenchMain: echo, broadcast, ack) with the Netty leak detector at
# `advanced` and a GC log, and bench's SoakClient (raw WebSocket clients: echoes, acks,
# broadcasts, random reconnects). Every SAMPLE_S seconds it forces a full GC in the server
# (jcmd GC.run) and appends to OUT_DIR/soak.csv: the heap used after that full GC (jstat), RSS,
# open files, the client's counters (connected, acks sent/answered/lost, echoes, broadcasts,
# reconnects) and the number of LEAK reports in the server's log. At the end it draws
# OUT_DIR/soak.png (SoakPlot) and prints the summary (SoakPlot --summary).
#
# Environment: CLIENTS (10000), DURATION_S (1800), SAMPLE_S (30), OP_INTERVAL_MS (20000: each
# client emits one echo or ack that often), BROADCAST_INTERVAL_MS (5000), RECONNECTS_PER_S (10),
# SERVER_HEAP (512m), CLIENT_HEAP (1g), PORT (a free one from 39300), MVN_ARGS (extra Maven
# flags, e.g. "-o -Dmaven.repo.local=..."), SOAK_NO_BUILD=1 to skip the build.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/bench/target/soak}
mkdir -p "$out"
out=$(cd "$out" && pwd)
CLIENTS=${CLIENTS:-10000}
DURATION_S=${DURATION_S:-1800}
SAMPLE_S=${SAMPLE_S:-30}
OP_INTERVAL_MS=${OP_INTERVAL_MS:-20000}
BROADCAST_INTERVAL_MS=${BROADCAST_INTERVAL_MS:-5000}
RECONNECTS_PER_S=${RECONNECTS_PER_S:-10}
SERVER_HEAP=${SERVER_HEAP:-512m}
CLIENT_HEAP=${CLIENT_HEAP:-1g}

cd "$root"
if [[ -z ${SOAK_NO_BUILD:-} ]]; then
  # shellcheck disable=SC2086
  mvn -B -ntp -q ${MVN_ARGS:-} -pl bench -am install -DskipTests
fi
[[ -f $root/bench/target/sio4j-bench.jar ]] || { echo "no bench/target/sio4j-bench.jar: build bench first" >&2; exit 2; }
# a private copy, so that a rebuild during the soak cannot change the running jar
jar=$out/sio4j-bench.jar
cp "$root/bench/target/sio4j-bench.jar" "$jar"

ulimit -n "$(ulimit -Hn)" || true
if (( $(ulimit -n) < CLIENTS + 1000 )); then
  echo "ulimit -n is $(ulimit -n): too low for $CLIENTS clients" >&2
  exit 2
fi

port=${PORT:-39300}
while ss -ltn "sport = :$port" | grep -q LISTEN; do port=$((port + 1)); done

server_pid=
client_pid=
cleanup() {
  [[ -n $client_pid ]] && kill "$client_pid" 2>/dev/null || true
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

java -Xms"$SERVER_HEAP" -Xmx"$SERVER_HEAP" -XX:+UseG1GC \
  -Xlog:gc:file="$out/gc.log":uptime,level \
  -Dio.netty.leakDetection.level=advanced \
  -jar "$jar" server --port "$port" >"$out/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do
  grep -q '^READY' "$out/server.log" 2>/dev/null && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$out/server.log" >&2; exit 1; }
  sleep 0.5
done
grep -q '^READY' "$out/server.log" || { echo "server did not start" >&2; exit 1; }
echo "server pid $server_pid on port $port; output in $out"

java -Xmx"$CLIENT_HEAP" -cp "$jar" io.sio4j.bench.SoakClient --port "$port" \
  --clients "$CLIENTS" --duration-s "$DURATION_S" --op-interval-ms "$OP_INTERVAL_MS" \
  --broadcast-interval-ms "$BROADCAST_INTERVAL_MS" --reconnects-per-s "$RECONNECTS_PER_S" \
  --status-every-s 5 >"$out/client.log" 2>&1 &
client_pid=$!

csv=$out/soak.csv
echo "t_s,heap_after_full_gc_kb,rss_kb,open_files,connected,connects,planned_closes,unexpected_closes,ack_sent,ack_ok,ack_lost,echo_sent,echo_ok,echo_wrong,broadcast_recv,leak_reports" >"$csv"
start=$(date +%s)
field() { sed -n "s/.* $1=\([0-9]*\).*/\1/p" <<<"$2"; }
sample() {
  kill -0 "$server_pid" 2>/dev/null || { echo "server died" >&2; return 1; }
  heap= rss= fds=
  if [[ ${1:-} != final ]]; then
    jcmd "$server_pid" GC.run >/dev/null 2>&1 || true
    # S0U S1U EU OU are columns 3 4 6 8 of jstat -gc (KB)
    heap=$(jstat -gc "$server_pid" | awk 'NR==2 {printf "%d", $3+$4+$6+$8}')
    rss=$(awk '/^VmRSS/ {print $2}' "/proc/$server_pid/status")
    fds=$(ls "/proc/$server_pid/fd" | wc -l)
  fi
  line=$(grep '^STATUS' "$out/client.log" | tail -n 1 || true)
  leaks=$(grep -c 'LEAK:' "$out/server.log" || true)
  t=$(( $(date +%s) - start ))
  echo "$t,$heap,$rss,$fds,$(field connected "$line"),$(field connects "$line"),$(field planned_closes "$line"),$(field unexpected_closes "$line"),$(field ack_sent "$line"),$(field ack_ok "$line"),$(field ack_lost "$line"),$(field echo_sent "$line"),$(field echo_ok "$line"),$(field echo_wrong "$line"),$(field broadcast_recv "$line"),$leaks" >>"$csv"
  tail -n 1 "$csv"
}
while kill -0 "$client_pid" 2>/dev/null; do
  sleep "$SAMPLE_S" &
  wait $! || true
  kill -0 "$client_pid" 2>/dev/null || break
  sample || break
done
wait "$client_pid" || true
client_pid=
# the client's last counters, after its acks drained (its clients are gone: no heap sample)
sample final || true
grep '^DONE' "$out/client.log" || echo "the client ended without DONE (see $out/client.log)"
echo "LEAK reports in the server log: $(grep -c 'LEAK:' "$out/server.log" || true)"
java -cp "$jar" io.sio4j.bench.SoakPlot "$csv" "$out/soak.png"
