#!/usr/bin/env bash
# Fuzzes one Jazzer target for a given time (issue 14; docs/RELIABILITY.md, "Fuzzing").
#
#   scripts/fuzz.sh TARGET DURATION     e.g. scripts/fuzz.sh EnginePayloadFuzzTest 10m
#
# TARGET is the simple name of a *FuzzTest class; DURATION is 90s, 10m or 1h. The committed
# corpus (src/test/resources/<package>/<TARGET>Inputs/<method>/) seeds the run; new inputs go to
# <module>/target/fuzz-corpus/<TARGET>, findings to <module>/target/fuzz-findings/<TARGET>/.
# A finding is committed by copying its crash-* file into the corpus directory with a name that
# says what it found, next to the fix and a unit test naming the bug.
#
# It runs Jazzer's command line (each target also has the static fuzzerTestOneInput entry point),
# because @FuzzTest's maxDuration is a compile-time constant: `JAZZER_FUZZ=1 mvn test -Dtest=...`
# also fuzzes a target, for its annotated 10 minutes. Maven flags can be added with MVN_ARGS,
# e.g. MVN_ARGS="-o -Dmaven.repo.local=/path/to/m2". Coverage is collected for io.sio4j.** by
# default; FUZZ_INCLUDES widens it (':'-separated), e.g. for QueryAndFormFuzzTest
# FUZZ_INCLUDES='io.sio4j.**:io.netty.handler.codec.http.QueryStringDecoder*'.
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 TARGET DURATION   (e.g. $0 EnginePayloadFuzzTest 10m)" >&2
  exit 2
fi
target=$1
duration=$2
case $duration in
  *h) seconds=$(( ${duration%h} * 3600 )) ;;
  *m) seconds=$(( ${duration%m} * 60 )) ;;
  *s) seconds=${duration%s} ;;
  *) seconds=$duration ;;
esac

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
source=$(find . -path "*/src/test/java/*/$target.java" -not -path "./interop/*" | head -n 1)
if [[ -z $source ]]; then
  echo "no fuzz target named $target (looked for src/test/java/**/$target.java)" >&2
  exit 2
fi
module=${source#./}
module=${module%%/src/test/java/*}
class=${source#*/src/test/java/}
class=${class%.java}
class=${class//\//.}
inputs=$(find "$module/src/test/resources" -type d -path "*/${target}Inputs/*" | head -n 1)

# shellcheck disable=SC2086
mvn -B -ntp -q ${MVN_ARGS:-} install -DskipTests -pl "$module" -am
classpath_file=$module/target/fuzz-classpath.txt
# shellcheck disable=SC2086
mvn -B -ntp -q ${MVN_ARGS:-} dependency:build-classpath -pl "$module" \
  -Dmdep.includeScope=test -Dmdep.outputFile="$root/$classpath_file" >/dev/null

corpus=$module/target/fuzz-corpus/$target
findings=$module/target/fuzz-findings/$target
mkdir -p "$corpus" "$findings"
log=$module/target/fuzz-$target.log
echo "fuzzing $class ($module) for ${seconds}s; log: $log"
set +e
java -Xss1m -cp "$module/target/test-classes:$module/target/classes:$(cat "$classpath_file")" \
  com.code_intelligence.jazzer.Jazzer \
  --target_class="$class" \
  --instrumentation_includes="${FUZZ_INCLUDES:-io.sio4j.**}" \
  -max_total_time="$seconds" \
  -artifact_prefix="$findings/" \
  --reproducer_path="$findings" \
  "$corpus" ${inputs:+"$inputs"} >"$log" 2>&1
status=$?
set -e
grep -E '^Done [0-9]+ runs' "$log" || tail -n 40 "$log"
if [[ $status -ne 0 ]]; then
  echo "FINDING in $target (exit $status): see $log and $findings/" >&2
fi
exit $status
