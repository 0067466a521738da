#!/bin/sh
# Benchmark: the wall time of `graph-upload attach` of a 4 MB file to the standalone emulator, from
# start to exit. Not a test: run it by hand on a quiet machine, from the repository root:
#
#   cli/benchmark/attach-startup.sh            # RUNS=20 by default
#   BEFORE_JAR=/path/to/older/graph-upload.jar cli/benchmark/attach-startup.sh
#
# It compares `java -jar cli/target/graph-upload.jar` with the launcher `./graph-upload` (which adds
# the class-data archive and JVM options), each against a fresh draft per run, and prints each
# variant's median. Uses hyperfine when installed (apt-get install hyperfine), else a shell loop.
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)
jar="$root/cli/target/graph-upload.jar"
emulator_jar="$root/emulator/target/graph-upload-emulator.jar"
runs=${RUNS:-20}
port=${PORT:-18089}
work=$(mktemp -d)
emulator_pid=""
cleanup() {
  [ -n "$emulator_pid" ] && kill "$emulator_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

if [ ! -f "$jar" ] || [ ! -f "$emulator_jar" ]; then
  (cd "$root" && mvn -B -q -DskipTests -pl cli -am package)
fi

# 150 MB: every run adds 4 MB to a draft, and each run gets a new draft anyway.
java -jar "$emulator_jar" --port "$port" --message-size-limit 157286400 2>"$work/emulator.log" &
emulator_pid=$!
graph="http://127.0.0.1:$port"
tries=0
until curl -sf "$graph/_emulator/health" >/dev/null; do
  tries=$((tries + 1))
  if [ "$tries" -gt 100 ]; then
    echo "The emulator did not start; see $work/emulator.log" >&2
    exit 1
  fi
  sleep 0.1
done

head -c 4000000 /dev/urandom >"$work/report.bin"
cat >"$work/new-draft.sh" <<SCRIPT
curl -sf -X POST -H 'Authorization: Bearer bench' -H 'Content-Type: application/json' \
  -d '{"subject": "benchmark"}' "$graph/v1.0/me/messages" \
  | sed 's/.*"id" *: *"\([^"]*\)".*/\1/' >"$work/draft"
SCRIPT
export GRAPH_UPLOAD_ENDPOINT="$graph" GRAPH_UPLOAD_TOKEN=bench
export GRAPH_UPLOAD_STATE_DIR="$work/state" XDG_CONFIG_HOME="$work/config"
attach="attach $work/report.bin --message \$(cat $work/draft) -q"

# Records the class-data archive now, so that no measured run pays for it; warm-up runs (which
# hyperfine does not prepare) share the first draft.
"$root/graph-upload" --version >/dev/null
sh "$work/new-draft.sh"

set -- "java -jar (no archive, default JVM)" "java -jar $jar $attach" \
  "./graph-upload (archive, JVM options)" "$root/graph-upload $attach"
if [ -n "${BEFORE_JAR:-}" ]; then
  set -- "before: java -jar $BEFORE_JAR" "java -jar $BEFORE_JAR $attach" "$@"
fi

if command -v hyperfine >/dev/null 2>&1; then
  args=""
  while [ $# -gt 0 ]; do
    # Single quotes: $(cat draft) must run at each run, not once here.
    args="$args -n '$1' '$2'"
    shift 2
  done
  eval hyperfine --warmup 3 --runs "$runs" --prepare "'sh $work/new-draft.sh'" \
    --export-json "$work/results.json" "$args"
  python3 - "$work/results.json" <<'PYTHON'
import json, sys
for result in json.load(open(sys.argv[1]))["results"]:
    print(f"median {result['median'] * 1000:7.0f} ms  {result['command']}")
PYTHON
else
  while [ $# -gt 0 ]; do
    : >"$work/times"
    i=0
    while [ "$i" -lt "$runs" ]; do
      sh "$work/new-draft.sh"
      start=$(date +%s%N)
      sh -c "$2" >/dev/null
      end=$(date +%s%N)
      echo $(((end - start) / 1000000)) >>"$work/times"
      i=$((i + 1))
    done
    median=$(sort -n "$work/times" | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}')
    echo "median $median ms  $1"
    shift 2
  done
fi
