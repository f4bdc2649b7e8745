# bench/processes.sh -- sourced by bench/scale.sh and bench/one-process.sh: the processes a bench
# script starts (PIDS, stopped by PID on exit or Ctrl-C: SIGTERM, then SIGKILL after 15 s), and the
# two readings both take of them (VmRSS, established connections on a port).
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
  for p in "${PIDS[@]}"; do
    for _ in $(seq 1 30); do kill -0 "$p" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$p" 2>/dev/null
  done
}
trap cleanup EXIT
trap 'exit 130' INT TERM
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
established() { ss -Htn state established "( sport = :$1 )" 2>/dev/null | wc -l; }
