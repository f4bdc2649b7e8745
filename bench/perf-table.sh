#!/usr/bin/env bash
# bench/perf-table.sh -- issue 12's whole comparison table in one run: sioload's bench.sh matrix
# (echo 100x8, echo 1000x1, broadcast 1000x4, ack 100x8, connect 10k) for sio4j (this checkout's
# bench/target/sio4j-bench.jar) against netty-socketio, node-socketio and netty-raw, plus an echo
# client sweep for the plot, then summarize.py's tables and docs/perf-echo.png's picture.
#
#   bench/perf-table.sh [SIOLOAD_DIR]      (default ../shared/sioload, which is read-only)
# Environment (defaults in brackets):
#   SERVERS ["sio4j netty-socketio node-socketio netty-raw"]  CASES ["1 2 3 4 5"]  REPS [3]
#   SWEEP ["10 100 5000"]   extra `echo --clients N --window 1` points, SWEEP_REPS [1] each; the
#                           plot also takes echo 1000x1 (case 2) and 100x8 (case 1) from the matrix,
#                           and the sweep adds them when CASES leaves those cases out
#   OUT [bench/target/perf-table-<UTC time>]   table.jsonl, sweep.jsonl, summary.md, perf-echo.png, logs/
#   WORK [/tmp/sio4j-perf-table-sioload]       the writable copy of SIOLOAD_DIR (made anew each run)
#   PORTS ["39200 39260"]   first and last port run.sh may use (sioload's default range)
#   JAVA_SERVER_OPTS, LOADGEN_JAVA_OPTS: as sioload's run.sh
# Needs bench/target/sio4j-bench.jar (mvn -B -q install -DskipTests -pl bench -am), Maven and npm for
# sioload's own build (`run.sh build`: loadgen, netty-socketio, netty-raw, the node servers).
# It prints its time estimate first: about 31 minutes with the defaults, from the trial's timings on
# a loaded machine (a run is 22-45 s: JVM start, connect, 3 s warm-up, 10 s measured, stop, 2 s pause).
#
# Method (sioload's README): one server process per run, pinned to CPU 0, generator on CPU 1;
# servers alternate within each case and repetition; summarize.py gives median [min-max]. On a
# shared machine compare server CPU per operation and read other_cpu_pct.
set -u
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
SRC="${1:-$ROOT/../shared/sioload}"
SERVERS="${SERVERS:-sio4j netty-socketio node-socketio netty-raw}"
CASES="${CASES:-1 2 3 4 5}"
REPS="${REPS:-3}"
SWEEP="${SWEEP:-10 100 5000}"
SWEEP_REPS="${SWEEP_REPS:-1}"
OUT="${OUT:-$ROOT/bench/target/perf-table-$(date -u +%Y%m%dT%H%M%SZ)}"
WORK="${WORK:-/tmp/sio4j-perf-table-sioload}"
PORTS="${PORTS:-39200 39260}"
BENCH_JAR="$ROOT/bench/target/sio4j-bench.jar"
[ -f "$BENCH_JAR" ] || { echo "perf-table.sh: missing $BENCH_JAR (build bench first)" >&2; exit 1; }
[ -x "$SRC/bench.sh" ] || { echo "perf-table.sh: no sioload in $SRC" >&2; exit 1; }

# the sweep's points, "clients:window"; cases 1 and 2 of the matrix already are 100:8 and 1000:1
POINTS=""
for n in $SWEEP; do POINTS="$POINTS $n:1"; done
case " $CASES " in *" 2 "*) ;; *) POINTS="$POINTS 1000:1" ;; esac
case " $CASES " in *" 1 "*) ;; *) POINTS="$POINTS 100:8" ;; esac
# time: seconds a run took in the trial (2026-12-01, load average 9-13; a quiet machine is faster)
NSERV=$(echo "$SERVERS" | wc -w)
EST=60 RUNS=0 SRUNS=0
for c in $CASES; do
  case $c in 3) t=26 ;; 5) t=32 ;; *) t=22 ;; esac
  EST=$((EST + t * REPS * NSERV)) RUNS=$((RUNS + REPS * NSERV))
done
for pt in $POINTS; do
  t=22; [ "${pt%:*}" -ge 5000 ] && t=45
  EST=$((EST + t * SWEEP_REPS * NSERV)) SRUNS=$((SRUNS + SWEEP_REPS * NSERV))
done
echo "perf-table.sh: servers=[$SERVERS] cases=[$CASES] reps=$REPS sweep=[$POINTS ] x$SWEEP_REPS"
echo "perf-table.sh: $RUNS matrix runs + $SRUNS sweep runs, estimated $((EST / 60)) min (22-45 s a run on a loaded machine, + build); out=$OUT"
T0=$(date +%s)

# a writable copy of sioload with a sio4j server folder running this checkout's jar
rm -rf "$WORK" && cp -r "$SRC" "$WORK" && chmod -R u+w "$WORK" || exit 1
rm -rf "$WORK/results"
if [ ! -x "$WORK/servers/sio4j/start.sh" ]; then
  mkdir -p "$WORK/servers/sio4j"
  cat >"$WORK/servers/sio4j/start.sh" <<'EOF'
#!/usr/bin/env bash
exec ${JAVA:-java} ${JAVA_SERVER_OPTS:--Xms256m -Xmx2g -Dio.netty.leakDetection.level=disabled} -jar "$SIO4J_HOME/bench/target/sio4j-bench.jar" server --port "$1"
EOF
  chmod +x "$WORK/servers/sio4j/start.sh"
fi
for s in $SERVERS; do # bench.sh runs every server's build.sh
  [ -x "$WORK/servers/$s/build.sh" ] || printf '#!/usr/bin/env bash\ntrue\n' >"$WORK/servers/$s/build.sh"
  chmod +x "$WORK/servers/$s/build.sh"
done
export SIO4J_HOME="$ROOT"
read -r P0 P1 <<<"$PORTS"
sed -i "s/seq 39200 39260/seq $P0 $P1/; s/no free port in 39200-39260/no free port in $P0-$P1/" "$WORK/run.sh"
mkdir -p "$OUT/logs"
export SIOLOAD_LOGDIR="$OUT/logs"
echo "sio4j $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD || echo '+changes'), sioload from $SRC, started $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)" >"$OUT/about.txt"

# the matrix (bench.sh builds sioload first)
SERVERS="$SERVERS" CASES="$CASES" REPS="$REPS" "$WORK/bench.sh" "$OUT/table.jsonl" >"$OUT/bench-summary.md" \
  || { echo "perf-table.sh: bench.sh failed" >&2; exit 1; }

# the echo sweep, servers alternating
for pt in $POINTS; do
  n=${pt%:*} w=${pt#*:}
  for r in $(seq 1 "$SWEEP_REPS"); do
    for s in $SERVERS; do
      echo "=== sweep echo ${n}x$w rep $r/$SWEEP_REPS server $s (t+$(($(date +%s) - T0))s, loadavg $(cut -d' ' -f1-3 /proc/loadavg))" >&2
      SIOLOAD_NO_BUILD=1 SIOLOAD_RESULTS="$OUT/sweep.jsonl" SIOLOAD_TAG="sweep-echo-${n}x$w" \
        "$WORK/run.sh" "$s" echo --clients "$n" --window "$w" --payload-bytes 64 --warmup 3 --duration 10 \
        2>&1 | grep -E '^\[|WARN|run.sh:' >&2
      sleep 2
    done
  done
done

python3 "$WORK/summarize.py" "$OUT/table.jsonl" "$OUT/sweep.jsonl" --ref netty-raw >"$OUT/summary.md"
java -cp "$BENCH_JAR" io.sio4j.bench.PlotResults "$OUT/table.jsonl" "$OUT/sweep.jsonl" "$OUT/perf-echo.png"
cat "$OUT/summary.md"
echo "perf-table.sh: done in $((($(date +%s) - T0) / 60)) min $((($(date +%s) - T0) % 60)) s (estimated $((EST / 60)) min);" \
  "results in $OUT (copy perf-echo.png to docs/ to publish it)"
