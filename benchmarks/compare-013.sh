#!/bin/sh
# Our hub against the buttplug-js 0.13.2 hub, side by side in one run (issue #17):
# starts the pinned npm 0.13.2 hub (interop/node/legacy.cjs hub) with SHARERS buttplug-js 0.13.2
# forwarders (one test vibrator each), and up to two hubs of ours (java -jar buttplug.jar hub):
#   forwarders: SHARERS 0.13.2 forwarders, as into theirs (our hub's legacy forwarder path);
#   agents:     SHARERS of our own share agents, one simulated vibrator each, all in one second JVM
#               (benchmarks' IdleAgents: what a deployment of ours runs, the agent's default safety settings).
# LegacyHubCompare then drives every hub with the same spec-v1 controller script, interleaved, and
# prints each of ours against theirs.
#
# Needs: node (>= 20) with interop/node's packages installed (cd interop/node && npm ci), and the jars:
#   mvn -B -pl examples,benchmarks -am package -DskipTests
# Usage: benchmarks/compare-013.sh [SHARERS] [-- more LegacyHubCompare options, e.g. --seconds 20 --warmup 500]
# OURS=forwarders|agents|both (default both): which of our hubs run.
# FLOOR=1 (default) or 0: also run the floor (benchmarks' FloorRelay: a relay process that parses nothing, two bare
# WebSocket hops to a responder in another JVM) and print each of ours against it (issue #17's floor goals).
# OUR_HUB_JAVA_OPTS / OUR_AGENT_HUB_JAVA_OPTS: extra JVM options for our forwarder / agent hub (e.g. a JFR recording).
# BASE_HUB_JAVA_OPTS / BASE_AGENT_HUB_JAVA_OPTS: the same for the baseline hubs (default: as ours), e.g. to compare
#   JVM options on one jar (BASE_HUB_JAR=examples/target/buttplug.jar BASE_HUB_JAVA_OPTS=-XX:TieredStopAtLevel=1).
# FORWARDER_FLOOR=1 (default 0): also run the forwarder path's floor (benchmarks' ForwarderFloor: a relay that finds
# the device by string operations and parses no command, with SHARERS 0.13.2 forwarders of its own) and print the
# 0.13.2 hub and our forwarder hubs against it: what the forwarders and the sockets alone take.
# BASE_HUB_JAR=path/to/buttplug.jar: also start the same hubs of ours from that jar (a baseline build), driven
#   in the same run, for an A/B of a change (LegacyHubCompare --base / --base-agents); --rounds N interleaves
#   the commands/s phase N times.
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
SCRIPT=compare-013
. benchmarks/run-lib.sh # WORK, PIDS, wait_for; every process in PIDS is stopped on exit

# their hub
node "$NODE_DIR/legacy.cjs" hub --port=0 --timeout-ms=86400000 > "$WORK/theirs.out" 2> "$WORK/theirs.err" &
THEIR_PID=$!
PIDS="$PIDS $THEIR_PID"
wait_for "$WORK/theirs.out" '"listening"' 30
THEIR_PORT=$(sed -n 's/.*"listening","port":\([0-9]*\).*/\1/p' "$WORK/theirs.out" | head -1)

OURS=${OURS:-both}
case "$OURS" in forwarders|agents|both) ;; *) echo "compare-013: OURS must be forwarders, agents or both" >&2; exit 2;; esac
TOKEN=compare013sharetoken0123456789

# start_our_hub NAME JAVA_OPTS [hub options]: sets HUB_PID, HUB_CONTROL, HUB_SHARE (jar: $JAR, default ours)
start_our_hub() {
  name=$1; opts=$2; shift 2
  java $opts -jar "${JAR:-$HUB_JAR}" hub --port 0 --share-token "$TOKEN" "$@" > "$WORK/$name.out" 2> "$WORK/$name.err" &
  HUB_PID=$!
  PIDS="$PIDS $HUB_PID"
  wait_for "$WORK/$name.out" 'Control URL:' 60
  HUB_CONTROL=$(sed -n 's/.*Control URL: *\(ws[^ ]*\).*/\1/p' "$WORK/$name.out" | head -1)
  HUB_SHARE=$(sed -n 's/.*Share URL: *\(ws[^ ]*\).*/\1/p' "$WORK/$name.out" | head -1)
}

COMPARE_HUBS=""
BASE_FORWARDER=""
# start_hubs PREFIX FD: our forwarder hub and/or our agent hub (with its agents, whose stdin FIFO is held open
# on FD until this script ends), from ${JAR:-$HUB_JAR}
start_hubs() {
  prefix=$1; fd=$2; hub_opts=$3; agent_hub_opts=$4
  if [ "$OURS" != agents ]; then
    # default limits, except that a 0.13 forwarder's toys may take every command (no latest-wins interval)
    start_our_hub "$prefix" "$hub_opts" --legacy-min-interval 0ms
    FORWARDER_URL=$(echo "$HUB_SHARE" | sed 's#^\(ws://[^/]*\)/.*#\1/forwarder#')
    COMPARE_HUBS="$COMPARE_HUBS --$prefix $HUB_CONTROL,$HUB_PID"
  fi
  if [ "$OURS" != forwarders ]; then
    # the library's defaults throughout: our agents, each one simulated vibrator, fully granted
    start_our_hub "$prefix-agents" "$agent_hub_opts"
    mkfifo "$WORK/$prefix-agents.in"
    java -cp "$BENCH_JAR" io.github.buttplugjava.benchmarks.IdleAgents "$HUB_SHARE" "$TOKEN" "$SHARERS" 86400 1500 \
      < "$WORK/$prefix-agents.in" > "$WORK/$prefix-agents.out" 2>&1 &
    PIDS="$PIDS $!"
    eval "exec $fd> \"\$WORK/$prefix-agents.in\"" # held open: the agents run until this script ends
    wait_for "$WORK/$prefix-agents.out" "^linked $SHARERS\$" 120
    COMPARE_HUBS="$COMPARE_HUBS --$prefix-agents $HUB_CONTROL,$HUB_PID"
  fi
}
start_hubs ours 3 "${OUR_HUB_JAVA_OPTS:-}" "${OUR_AGENT_HUB_JAVA_OPTS:-}"
OUR_FORWARDER=${FORWARDER_URL:-}
if [ -n "${BASE_HUB_JAR:-}" ]; then
  JAR=$BASE_HUB_JAR
  start_hubs base 4 "${BASE_HUB_JAVA_OPTS:-${OUR_HUB_JAVA_OPTS:-}}" "${BASE_AGENT_HUB_JAVA_OPTS:-${OUR_AGENT_HUB_JAVA_OPTS:-}}"
  JAR=
  BASE_FORWARDER=${FORWARDER_URL:-}
fi

if [ "${FLOOR:-1}" = 1 ]; then
  mkfifo "$WORK/floor.in"
  java -cp "$BENCH_JAR" io.github.buttplugjava.benchmarks.FloorRelay relay < "$WORK/floor.in" > "$WORK/floor.out" 2>&1 &
  FLOOR_PID=$!
  PIDS="$PIDS $FLOOR_PID"
  exec 7> "$WORK/floor.in"
  wait_for "$WORK/floor.out" '^floor relay:' 60
  FLOOR_CONTROL=$(sed -n 's/^floor relay: \([^ ]*\) .*/\1/p' "$WORK/floor.out")
  FLOOR_UPSTREAM=$(sed -n 's/^floor relay: [^ ]* \([^ ]*\)$/\1/p' "$WORK/floor.out")
  mkfifo "$WORK/responder.in"
  java -cp "$BENCH_JAR" io.github.buttplugjava.benchmarks.FloorRelay responder "$FLOOR_UPSTREAM" "$SHARERS" \
    < "$WORK/responder.in" > "$WORK/responder.out" 2>&1 &
  PIDS="$PIDS $!"
  exec 8> "$WORK/responder.in"
  wait_for "$WORK/responder.out" '^responder linked' 60
  COMPARE_HUBS="$COMPARE_HUBS --floor $FLOOR_CONTROL,$FLOOR_PID"
fi

if [ "${FORWARDER_FLOOR:-0}" = 1 ]; then
  mkfifo "$WORK/ffloor.in"
  java -cp "$BENCH_JAR" io.github.buttplugjava.benchmarks.ForwarderFloor < "$WORK/ffloor.in" > "$WORK/ffloor.out" 2>&1 &
  FFLOOR_PID=$!
  PIDS="$PIDS $FFLOOR_PID"
  exec 6> "$WORK/ffloor.in"
  wait_for "$WORK/ffloor.out" '^forwarder floor:' 60
  FFLOOR_CONTROL=$(sed -n 's/^forwarder floor: \([^ ]*\) .*/\1/p' "$WORK/ffloor.out")
  FFLOOR_FORWARDER=$(sed -n 's/^forwarder floor: [^ ]* \([^ ]*\)$/\1/p' "$WORK/ffloor.out")
  n=0
  while [ "$n" -lt "$SHARERS" ]; do
    node "$NODE_DIR/legacy.cjs" forwarder "$FFLOOR_FORWARDER" --name="S$n" --timeout-ms=86400000 \
      > "$WORK/fwd-floor-$n.out" 2>/dev/null &
    PIDS="$PIDS $!"
    wait_for "$WORK/fwd-floor-$n.out" '"shared"' 60
    n=$((n + 1))
  done
  COMPARE_HUBS="$COMPARE_HUBS --forwarder-floor $FFLOOR_CONTROL,$FFLOOR_PID"
fi

# one pair at a time: our hub sheds sockets that are slow to send their first frame when too many from one
# address are pending at once (--max-pending-per-address), and a starting node process is slow
n=0
while [ "$n" -lt "$SHARERS" ]; do
  node "$NODE_DIR/legacy.cjs" forwarder "ws://127.0.0.1:$THEIR_PORT/forwarder" --name="S$n" --timeout-ms=86400000 \
    > "$WORK/fwd-theirs-$n.out" 2>/dev/null &
  PIDS="$PIDS $!"
  wait_for "$WORK/fwd-theirs-$n.out" '"shared"' 60
  if [ "$OURS" != agents ]; then
    node "$NODE_DIR/legacy.cjs" forwarder "$OUR_FORWARDER" --password="$TOKEN" --name="S$n" --timeout-ms=86400000 \
      > "$WORK/fwd-ours-$n.out" 2>/dev/null &
    PIDS="$PIDS $!"
    wait_for "$WORK/fwd-ours-$n.out" '"shared"' 60
    if [ -n "$BASE_FORWARDER" ]; then
      node "$NODE_DIR/legacy.cjs" forwarder "$BASE_FORWARDER" --password="$TOKEN" --name="S$n" --timeout-ms=86400000 \
        > "$WORK/fwd-base-$n.out" 2>/dev/null &
      PIDS="$PIDS $!"
      wait_for "$WORK/fwd-base-$n.out" '"shared"' 60
    fi
  fi
  n=$((n + 1))
done
echo "compare-013: $SHARERS sharers in each hub; theirs pid $THEIR_PID, ours ($OURS):$COMPARE_HUBS; load average $(cut -d' ' -f1-3 /proc/loadavg)"
# shellcheck disable=SC2086 # COMPARE_HUBS is a list of options
java -cp "$BENCH_JAR" io.github.buttplugjava.benchmarks.LegacyHubCompare \
  --theirs "ws://127.0.0.1:$THEIR_PORT/control,$THEIR_PID" $COMPARE_HUBS --devices "$SHARERS" "$@"
echo "compare-013: load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
