#!/bin/sh
# Memory per idle sharer link, our hub against the buttplug-js 0.13.2 hub, side by side in one run
# (issue #17): every hub in a process of its own; RSS (VmRSS of /proc/<pid>/status) of each hub
# before and after linking N idle sharers, per link = ΔRSS / the links the hub holds when read, read after the links were held
# SETTLE seconds. For ours also after a `jcmd <pid> GC.run` (both figures), the live heap (the total
# of `jcmd <pid> GC.class_histogram`) and the thread count.
#   theirs: interop/node/legacy.cjs hub, N links from interop/node/idle-forwarders.cjs (one node
#           process: N ButtplugClientForwarder links, each sharing the same local test vibrator);
#   ours:   java [OPTS] -jar examples/target/buttplug.jar hub (default settings), one hub per entry of
#           OUR_JAVA_OPTS, N share agents of ours (benchmarks' IdleAgents: one simulated vibrator each,
#           the agent's default MaxPingTime 1.5 s) in a JVM of their own per hub.
# Sharers link into one hub after the other (theirs first); all hubs are read together after the
# last one's links were held SETTLE seconds. They link in two steps, BASE sharers (default N/5) and
# then the rest up to N, and every hub is read after each step: besides the cost per link from 0
# links, the table gives the marginal cost per link from BASE to N, which leaves out each hub's
# one-time warm-up (a JVM's JIT code, compiler arenas and classes loaded by the first links: tens of
# MiB, whatever N is). BASE=0: one step, as before.
#
# Needs: node (>= 20) with interop/node's packages (cd interop/node && npm ci), jcmd, and the jars:
#   mvn -B -pl examples,benchmarks -am package -DskipTests
# Usage: benchmarks/idle-memory-013.sh [N]          (default 1000)
# OUR_JAVA_OPTS: our hubs' JVM option sets separated by ';', "default" for none
#   (default: "default;-Xmx256m -XX:+UseSerialGC": the JVM's defaults and one tuned operator's line);
#   a set may start with jar=<path> to run that build of the hub (e.g. "jar=/tmp/before.jar default").
# OUR_HUB_ARGS: more options for every hub of ours (default none: the hub's defaults), e.g.
#   "--ws-keepalive-ms 10000" where the machine is too loaded for the default liveness to hold the links.
# AGENT_JAVA_OPTS: JVM options of our agents' JVMs (default none), e.g. smaller JDK WebSocket buffers
#   (-Djdk.httpclient.websocket.writeBufferSize=2048 ...: docs/PERFORMANCE.md, "10,000 idle agents") for N in the thousands.
# AGENT_MAX_PING_MS (default 1500, the agent's default): our agents' MaxPingTime.
# SETTLE (default 30): seconds the links are held before the hubs are read (at each step).
# BASE (default N/5): sharers linked in the first step (0: one step, from 0 to N).
# HISTO=<dir>: keep our hubs' class histograms with 0 and N links there (histo-<hub>-{0,N}.txt).
# KEEP=<dir>: keep every process's output there (the hubs' logs, the sharers' lines).
# Every process it starts is stopped when it ends (trap on EXIT, INT and TERM).
set -eu
cd "$(dirname "$0")/.."
N=${1:-1000}
SETTLE=${SETTLE:-30}
BASE=${BASE:-$((N / 5))}
AGENT_MAX_PING_MS=${AGENT_MAX_PING_MS:-1500}
OUR_JAVA_OPTS=${OUR_JAVA_OPTS:-default;-Xmx256m -XX:+UseSerialGC}
NODE_DIR=interop/node
HUB_JAR=examples/target/buttplug.jar
BENCH_JAR=benchmarks/target/benchmarks.jar
for f in "$HUB_JAR" "$BENCH_JAR" "$NODE_DIR/node_modules/buttplug-v013/package.json"; do
  [ -e "$f" ] || { echo "idle-memory-013: $f is missing (see the header of this script)" >&2; exit 2; }
done
command -v jcmd > /dev/null || { echo "idle-memory-013: jcmd is missing (a JDK's bin on PATH)" >&2; exit 2; }
SCRIPT=idle-memory-013
. benchmarks/run-lib.sh # WORK, PIDS, wait_for; every process in PIDS is stopped on exit
rss_kib() { sed -n 's/^VmRSS:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$1/status"; }
threads() { sed -n 's/^Threads:[[:space:]]*\([0-9]*\)/\1/p' "/proc/$1/status"; }
# live heap in KiB: the total line of a class histogram (which collects first); kept in $WORK/histo-<name>-<links>.txt
live_kib() {
  jcmd "$1" GC.class_histogram > "$WORK/histo-$2-$3.txt"
  awk '/^Total/ {printf "%d", $3 / 1024}' "$WORK/histo-$2-$3.txt"
}
gc_run() { jcmd "$1" GC.run > /dev/null; sleep 2; }
per_link() { awk -v a="$1" -v b="$2" -v n="$3" 'BEGIN {if (n > 0) printf "%.1f", (b - a) / n; else printf "—"}'; }
# sockets a hub holds open on its port (from the hub's side: what it still holds, whatever its sharers think)
held() { ss -Htn state established "( sport = :$1 )" | wc -l; }
port_of() { echo "$1" | sed 's#^ws://[^:/]*:\([0-9]*\)/.*#\1#'; }

echo "idle-memory-013: N=$N, SETTLE=$SETTLE s, agent MaxPingTime $AGENT_MAX_PING_MS ms, hub options: ${OUR_HUB_ARGS:-(defaults)}, $(nproc) processors, $(java -version 2>&1 | head -1), node $(node --version); load average $(cut -d' ' -f1-3 /proc/loadavg)"

# their hub
node "$NODE_DIR/legacy.cjs" hub --port=0 --timeout-ms=86400000 > "$WORK/theirs.out" 2> "$WORK/theirs.err" &
THEIR_PID=$!
PIDS="$PIDS $THEIR_PID"
wait_for "$WORK/theirs.out" '"listening"' 60
THEIR_PORT=$(sed -n 's/.*"listening","port":\([0-9]*\).*/\1/p' "$WORK/theirs.out" | head -1)

# our hubs, one per option set
TOKEN=idlememory013sharetoken0123456789
HUBS=0
OLD_IFS=$IFS
IFS=';'
for opts in $OUR_JAVA_OPTS; do
  IFS=$OLD_IFS
  HUBS=$((HUBS + 1))
  jar=$HUB_JAR
  case "$opts" in jar=*) jar=${opts%% *}; jar=${jar#jar=}; jopts=${opts#jar=* } ;; *) jopts=$opts ;; esac
  [ "$jopts" = default ] || [ "$jopts" = "$opts" -a "${opts#jar=}" != "$opts" ] && jopts=""
  # shellcheck disable=SC2086 # the option set and OUR_HUB_ARGS are lists of options
  java $jopts -jar "$jar" hub --port 0 --share-token "$TOKEN" ${OUR_HUB_ARGS:-} > "$WORK/ours$HUBS.out" 2> "$WORK/ours$HUBS.err" &
  eval "OUR_PID_$HUBS=$!"
  eval "OUR_OPTS_$HUBS=\"\$opts\""
  PIDS="$PIDS $!"
  wait_for "$WORK/ours$HUBS.out" 'Share URL:' 60
  eval "OUR_SHARE_$HUBS=$(sed -n 's/.*Share URL: *\(ws[^ ]*\).*/\1/p' "$WORK/ours$HUBS.out" | head -1)"
  IFS=';'
done
IFS=$OLD_IFS

sleep 10 # the hubs' start-up work (JIT, class loading) settles
THEIR_RSS0=$(rss_kib "$THEIR_PID")
THEIR_THREADS0=$(threads "$THEIR_PID")
h=1
while [ "$h" -le "$HUBS" ]; do
  eval "pid=\$OUR_PID_$h"
  eval "OUR_RSS0_$h=$(rss_kib "$pid")"
  eval "OUR_THREADS0_$h=$(threads "$pid")"
  gc_run "$pid"
  eval "OUR_RSS0GC_$h=$(rss_kib "$pid")"
  eval "OUR_LIVE0_$h=$(live_kib "$pid" "$h" 0)"
  h=$((h + 1))
done
echo "idle-memory-013: hubs read with 0 links; linking $N sharers into each, one hub after the other"

# their sharers: two node processes reading one FIFO (closing it ends both), BASE then N - BASE
mkfifo "$WORK/fwd.in"
exec 3<> "$WORK/fwd.in" # held open: the forwarders run until it closes
# link_theirs FIRST COUNT NAME OUT: one node process of COUNT forwarder links named NAME<i>
link_theirs() {
  node "$NODE_DIR/idle-forwarders.cjs" "ws://127.0.0.1:$THEIR_PORT/forwarder" "$2" "--name=$3" < "$WORK/fwd.in" > "$WORK/$4" 2> "$WORK/$4.err" 3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&- &
  PIDS="$PIDS $!"
  wait_for "$WORK/$4" "^linked $2\$\|^gave up" $(($2 / 5 + 120))
}
# our sharers: one JVM per hub, pausing at BASE until a line on its FIFO
start_ours() {
  h=1
  while [ "$h" -le "$HUBS" ]; do
    eval "share=\$OUR_SHARE_$h"
    mkfifo "$WORK/agents$h.in"
    # shellcheck disable=SC2086 # an option list
    java ${AGENT_JAVA_OPTS:-} -cp "$BENCH_JAR" io.github.buttplugjava.benchmarks.IdleAgents "$share" "$TOKEN" "$N" 86400 "$AGENT_MAX_PING_MS" \
      default mixed keep-going "pause-at=$BASE" < "$WORK/agents$h.in" > "$WORK/agents$h.out" 2>&1 3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&- &
    PIDS="$PIDS $!"
    eval "exec $((h + 3))> \"\$WORK/agents$h.in\"" # held open (by this shell only: children close it) until the end
    wait_for "$WORK/agents$h.out" "^paused $BASE\$\|^gave up" $((BASE / 5 + 120))
    h=$((h + 1))
  done
}
resume_ours() {
  h=1
  while [ "$h" -le "$HUBS" ]; do
    eval "echo >&$((h + 3))"
    wait_for "$WORK/agents$h.out" "^linked $N\$\|^gave up" $(((N - BASE) / 5 + 120))
    h=$((h + 1))
  done
}
# read_all STEP: RSS of every hub, then ours after a full collection (RSS, live heap), into <VAR>_<STEP>[_h]
read_all() {
  eval "THEIR_RSS_$1=$(rss_kib "$THEIR_PID")"
  eval "THEIR_HELD_$1=$(held "$THEIR_PORT")"
  eval "THEIR_THREADS_$1=$(threads "$THEIR_PID")"
  h=1
  while [ "$h" -le "$HUBS" ]; do
    eval "pid=\$OUR_PID_$h share=\$OUR_SHARE_$h"
    eval "OUR_RSS_$1_$h=$(rss_kib "$pid")"
    eval "OUR_HELD_$1_$h=$(held "$(port_of "$share")")"
    eval "OUR_THREADS_$1_$h=$(threads "$pid")"
    h=$((h + 1))
  done
  h=1
  while [ "$h" -le "$HUBS" ]; do
    eval "pid=\$OUR_PID_$h share=\$OUR_SHARE_$h"
    gc_run "$pid"
    eval "OUR_RSSGC_$1_$h=$(rss_kib "$pid")"
    eval "OUR_LIVE_$1_$h=$(live_kib "$pid" "$h" "$1")"
    eval "OUR_HELDH_$1_$h=$(held "$(port_of "$share")")" # links dropped during the collections make those columns moot
    h=$((h + 1))
  done
}
if [ "$BASE" -gt 0 ]; then
  link_theirs "$BASE" "$BASE" S fwd.out
else
  : > "$WORK/fwd.out"
fi
start_ours
if [ "$BASE" -gt 0 ]; then
  echo "idle-memory-013: $BASE linked into each hub (or gave up); holding $SETTLE s; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  sleep "$SETTLE"
  read_all base
fi
START=$(date +%s)
link_theirs "$N" "$((N - BASE))" T fwd2.out
resume_ours
echo "idle-memory-013: $N linked (or gave up); holding $SETTLE s; load average $(cut -d' ' -f1-3 /proc/loadavg)"
sleep "$SETTLE"
read_all n
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)

# what the sharers' side says at the end (ours: refusals while linking too)
exec 3>&-
THEIR_SIDE=""
for f in fwd.out fwd2.out; do
  [ -s "$WORK/$f" ] || continue
  wait_for "$WORK/$f" '^still linked' 60
  THEIR_SIDE="$THEIR_SIDE $(grep '^still linked' "$WORK/$f" | head -1);"
done
h=1
while [ "$h" -le "$HUBS" ]; do
  eval "exec $((h + 3))>&-"
  wait_for "$WORK/agents$h.out" '^still linked' 60
  eval "OUR_SIDE_$h=\"$(grep '^still linked' "$WORK/agents$h.out" | head -1)\""
  h=$((h + 1))
done

mib() { echo "$(($1 / 1024))"; }
echo "idle-memory-013: read $SETTLE s after the last link ($(( $(date +%s) - START )) s after the second step began); load average $LOAD"
echo "| hub (JVM options) | links held | RSS 0 → N links | RSS per link from 0 | RSS at BASE → N | **RSS per link, BASE → N** | after GC.run: RSS BASE → N | per link | live heap 0 → BASE → N | per link from 0 / BASE → N | threads 0 → N |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
if [ "$BASE" -gt 0 ]; then
  TB=$THEIR_RSS_base
  TBH=$THEIR_HELD_base
else
  TB=$THEIR_RSS0
  TBH=0
fi
echo "| buttplug-js 0.13.2 | $THEIR_HELD_n of $N | $(mib "$THEIR_RSS0") → $(mib "$THEIR_RSS_n") MiB | $(per_link "$THEIR_RSS0" "$THEIR_RSS_n" "$THEIR_HELD_n") KiB | $(mib "$TB") → $(mib "$THEIR_RSS_n") MiB | **$(per_link "$TB" "$THEIR_RSS_n" "$((THEIR_HELD_n - TBH))") KiB** | — | — | — | — | $THEIR_THREADS0 → $THEIR_THREADS_n |"
h=1
while [ "$h" -le "$HUBS" ]; do
  eval "opts=\$OUR_OPTS_$h held=\$OUR_HELD_n_$h r0=\$OUR_RSS0_$h r1=\$OUR_RSS_n_$h g1=\$OUR_RSSGC_n_$h"
  eval "l0=\$OUR_LIVE0_$h l1=\$OUR_LIVE_n_$h t0=\$OUR_THREADS0_$h t1=\$OUR_THREADS_n_$h"
  if [ "$BASE" -gt 0 ]; then
    eval "rb=\$OUR_RSS_base_$h gb=\$OUR_RSSGC_base_$h lb=\$OUR_LIVE_base_$h hb=\$OUR_HELD_base_$h"
  else
    eval "rb=\$OUR_RSS0_$h gb=\$OUR_RSS0GC_$h lb=\$OUR_LIVE0_$h"
    hb=0
  fi
  echo "| ours ($opts) | $held of $N | $(mib "$r0") → $(mib "$r1") MiB | $(per_link "$r0" "$r1" "$held") KiB | $(mib "$rb") → $(mib "$r1") MiB | **$(per_link "$rb" "$r1" "$((held - hb))") KiB** | $(mib "$gb") → $(mib "$g1") MiB | $(per_link "$gb" "$g1" "$((held - hb))") KiB | $(mib "$l0") → $(mib "$lb") → $(mib "$l1") MiB | $(per_link "$l0" "$l1" "$held") / $(per_link "$lb" "$l1" "$((held - hb))") KiB | $t0 → $t1 |"
  h=$((h + 1))
done
echo "(links held: the hub's established sockets on its port when read; per link = Δ / Δ links held, KiB = 1,024 bytes; BASE = $BASE)"
echo "sharers' side at the end: theirs:$THEIR_SIDE"
h=1
while [ "$h" -le "$HUBS" ]; do
  eval "echo \"ours $h: \$OUR_SIDE_$h; the hub held \$OUR_HELDH_n_$h links after its histogram (if fewer than when read, the GC.run and live heap columns do not count)\""
  h=$((h + 1))
done
if [ -n "${KEEP:-}" ]; then
  mkdir -p "$KEEP"
  cp "$WORK"/*.out "$WORK"/*.err "$KEEP"/ 2>/dev/null || true
  echo "idle-memory-013: logs in $KEEP"
fi
if [ -n "${HISTO:-}" ]; then
  mkdir -p "$HISTO"
  cp "$WORK"/histo-*.txt "$HISTO"/
  echo "idle-memory-013: class histograms in $HISTO"
fi
