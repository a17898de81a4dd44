#!/bin/sh
# Our hub against the buttplug-js 0.13.2 hub, side by side in one run (issue #17):
# starts the pinned npm 0.13.2 hub (interop/node/legacy.cjs hub) and our hub (java -jar buttplug.jar hub),
# SHARERS buttplug-js 0.13.2 forwarders into each (one test vibrator each), then LegacyHubCompare drives
# both with the same spec-v1 controller script, interleaved, and prints the ratios.
#
# Needs: node (>= 20) with interop/node's packages installed (cd interop/node && npm ci), and the jars:
#   mvn -B -pl examples,benchmarks -am package -DskipTests
# Usage: benchmarks/compare-013.sh [SHARERS] [-- more LegacyHubCompare options, e.g. --seconds 20 --warmup 500]
# OUR_HUB_JAVA_OPTS: extra JVM options for our hub (e.g. a JFR recording).
# Every process it starts is stopped when it ends (trap on EXIT, INT and TERM).
set -eu
cd "$(dirname "$0")/.."
SHARERS=${1:-20}
[ $# -gt 0 ] && shift
[ "${1:-}" = "--" ] && shift
NODE_DIR=interop/node
HUB_JAR=examples/target/buttplug.jar
BENCH_JAR=benchmarks/target/benchmarks.jar
for f in "$HUB_JAR" "$BENCH_JAR" "$NODE_DIR/node_modules/buttplug-v013/package.json"; do
  [ -e "$f" ] || { echo "compare-013: $f is missing (see the header of this script)" >&2; exit 2; }
done
WORK=$(mktemp -d)
PIDS=""
stop_all() {
  for p in $PIDS; do kill "$p" 2>/dev/null || true; done
  for p in $PIDS; do wait "$p" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap stop_all EXIT
trap 'exit 130' INT TERM

# wait_for FILE PATTERN SECONDS: until a line of FILE matches PATTERN
wait_for() {
  i=0
  until grep -q "$2" "$1" 2>/dev/null; do
    i=$((i + 1))
    if [ "$i" -gt $(($3 * 10)) ]; then echo "compare-013: no '$2' in $1 within $3 s:" >&2; cat "$1" >&2; tail -5 "$WORK/ours.err" >&2; exit 1; fi
    sleep 0.1
  done
}

# their hub
node "$NODE_DIR/legacy.cjs" hub --port=0 --timeout-ms=86400000 > "$WORK/theirs.out" 2> "$WORK/theirs.err" &
THEIR_PID=$!
PIDS="$PIDS $THEIR_PID"
wait_for "$WORK/theirs.out" '"listening"' 30
THEIR_PORT=$(sed -n 's/.*"listening","port":\([0-9]*\).*/\1/p' "$WORK/theirs.out" | head -1)

# our hub: default limits, except that a 0.13 forwarder's toys may take every command (no latest-wins interval)
TOKEN=compare013sharetoken0123456789
java ${OUR_HUB_JAVA_OPTS:-} -jar "$HUB_JAR" hub --port 0 --share-token "$TOKEN" --legacy-min-interval 0ms > "$WORK/ours.out" 2> "$WORK/ours.err" &
OUR_PID=$!
PIDS="$PIDS $OUR_PID"
wait_for "$WORK/ours.out" 'Control URL:' 60
OUR_CONTROL=$(sed -n 's/.*Control URL: *\(ws[^ ]*\).*/\1/p' "$WORK/ours.out" | head -1)
OUR_SHARE=$(sed -n 's/.*Share URL: *\(ws[^ ]*\).*/\1/p' "$WORK/ours.out" | head -1)
OUR_FORWARDER=$(echo "$OUR_SHARE" | sed 's#^\(ws://[^/]*\)/.*#\1/forwarder#')

# one pair at a time: our hub sheds sockets that are slow to send their first frame when too many from one
# address are pending at once (--max-pending-per-address), and a starting node process is slow
n=0
while [ "$n" -lt "$SHARERS" ]; do
  node "$NODE_DIR/legacy.cjs" forwarder "ws://127.0.0.1:$THEIR_PORT/forwarder" --name="S$n" --timeout-ms=86400000 \
    > "$WORK/fwd-theirs-$n.out" 2>/dev/null &
  PIDS="$PIDS $!"
  node "$NODE_DIR/legacy.cjs" forwarder "$OUR_FORWARDER" --password="$TOKEN" --name="S$n" --timeout-ms=86400000 \
    > "$WORK/fwd-ours-$n.out" 2>/dev/null &
  PIDS="$PIDS $!"
  wait_for "$WORK/fwd-theirs-$n.out" '"shared"' 60
  wait_for "$WORK/fwd-ours-$n.out" '"shared"' 60
  n=$((n + 1))
done
echo "compare-013: $SHARERS sharers in each hub; theirs ws://127.0.0.1:$THEIR_PORT/ (pid $THEIR_PID), ours (pid $OUR_PID)"
java -cp "$BENCH_JAR" io.github.buttplugjava.benchmarks.LegacyHubCompare \
  --theirs "ws://127.0.0.1:$THEIR_PORT/control,$THEIR_PID" --ours "$OUR_CONTROL,$OUR_PID" --devices "$SHARERS" "$@"
