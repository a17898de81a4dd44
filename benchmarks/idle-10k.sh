#!/bin/sh
# Issue #17, "10,000 idle agents": our hub with its default settings in a JVM of its own
# (java -jar examples/target/buttplug.jar hub), and idle share agents (benchmarks' IdleAgents: one
# simulated vibrator each, the agent's defaults: MaxPingTime 1.5 s, so the share link heartbeat) in a
# second JVM. The agents link in steps (STEPS, the last one is N); at each step the agents stop
# dialing, the links are held HOLD seconds, and then both JVMs are read:
#   links held (the hub's established sockets on its port, and the agents' own count), threads,
#   CPU over the hold (cores, from /proc/<pid>/stat), and with HISTO=1 (default) the live heap of
#   each JVM (the total of `jcmd <pid> GC.class_histogram`, which collects first): per link =
#   (live heap at the step - live heap with 0 links) / links held. The histograms are taken after the
#   hold (a full collection pauses the JVM) and the links are counted again after them.
#
# Needs jcmd and the jars: mvn -B -pl examples,benchmarks -am package -DskipTests
# Usage: benchmarks/idle-10k.sh                      (STEPS="1000 5000 10000")
# STEPS: link counts at which to hold and read (ascending; the last is the total).
# HOLD (default 30): seconds the links are held idle at each step before the JVMs are read.
# PACE: agents started per second (default 0: each batch of 25 as soon as the one before is welcomed).
# HUB_JAVA_OPTS / AGENT_JAVA_OPTS: JVM options of the hub / the agents (default none: the JVM's own).
# HUB_ARGS: options of the hub command (default none: the hub's defaults).
# HUB_JAR / BENCH_JAR: other builds (default examples/target/buttplug.jar, benchmarks/target/benchmarks.jar).
# HISTO=0: no histograms (no full collections); KEEP=<dir>: keep the logs and histograms there.
# Runs at nice 10 (NICE=0 to change it). Every process it starts is stopped when it ends.
set -eu
cd "$(dirname "$0")/.."
STEPS=${STEPS:-1000 5000 10000}
HOLD=${HOLD:-30}
PACE=${PACE:-0}
HISTO=${HISTO:-1}
NICE=${NICE:-10}
HUB_JAR=${HUB_JAR:-examples/target/buttplug.jar}
BENCH_JAR=${BENCH_JAR:-benchmarks/target/benchmarks.jar}
for f in "$HUB_JAR" "$BENCH_JAR"; do
  [ -e "$f" ] || { echo "idle-10k: $f is missing (see the header of this script)" >&2; exit 2; }
done
command -v jcmd > /dev/null || { echo "idle-10k: jcmd is missing (a JDK's bin on PATH)" >&2; exit 2; }
SCRIPT=idle-10k
. benchmarks/run-lib.sh # WORK, PIDS, wait_for; every process in PIDS is stopped on exit
N=0
for s in $STEPS; do N=$s; done
PAUSES=0
for s in $STEPS; do PAUSES="$PAUSES,$s"; done

threads() { sed -n 's/^Threads:[[:space:]]*\([0-9]*\)/\1/p' "/proc/$1/status"; }
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
HZ=$(getconf CLK_TCK)
cores() { awk -v a="$1" -v b="$2" -v s="$3" -v hz="$HZ" 'BEGIN {printf "%.2f", (b - a) / hz / s}'; }
# live heap in KiB: the total line of a class histogram (which collects first); kept in $WORK/histo-<name>-<links>.txt
live_kib() {
  jcmd "$1" GC.class_histogram > "$WORK/histo-$2-$3.txt"
  awk '/^Total/ {printf "%d", $3 / 1024}' "$WORK/histo-$2-$3.txt"
}
per_link() { awk -v a="$1" -v b="$2" -v n="$3" 'BEGIN {if (n > 0) printf "%.1f", (b - a) / n; else printf "—"}'; }
held() { ss -Htn state established "( sport = :$1 )" | wc -l; }
agents_linked() { grep '^AGENTS linked=' "$WORK/agents.out" | tail -1 | sed 's/^AGENTS linked=\([0-9]*\).*/\1/'; }

echo "idle-10k: STEPS=$STEPS, HOLD=$HOLD s, PACE=$PACE/s, hub: ${HUB_JAVA_OPTS:-(JVM defaults)} ${HUB_ARGS:-(hub defaults)}, agents: ${AGENT_JAVA_OPTS:-(JVM defaults)}; $(nproc) processors, $(java -version 2>&1 | head -1); load average $(cut -d' ' -f1-3 /proc/loadavg)"

TOKEN=idle10ksharetoken0123456789abcdef
# shellcheck disable=SC2086 # option lists
nice -n "$NICE" java ${HUB_JAVA_OPTS:-} -jar "$HUB_JAR" hub --port 0 --share-token "$TOKEN" ${HUB_ARGS:-} \
  > "$WORK/hub.out" 2> "$WORK/hub.err" &
HUB=$!
PIDS="$PIDS $HUB"
wait_for "$WORK/hub.out" 'Share URL:' 60
SHARE=$(sed -n 's/.*Share URL: *\(ws[^ ]*\).*/\1/p' "$WORK/hub.out" | head -1)
PORT=$(echo "$SHARE" | sed 's#^ws://[^:/]*:\([0-9]*\)/.*#\1#')

mkfifo "$WORK/agents.in"
# shellcheck disable=SC2086
nice -n "$NICE" java ${AGENT_JAVA_OPTS:-} -cp "$BENCH_JAR" io.github.buttplugjava.benchmarks.IdleAgents "$SHARE" "$TOKEN" "$N" 86400 1500 \
  default mixed keep-going "pause-at=$PAUSES" "pace=$PACE" < "$WORK/agents.in" > "$WORK/agents.out" 2>&1 3>&- &
AGENTS=$!
PIDS="$PIDS $AGENTS"
exec 3> "$WORK/agents.in" # held open by this shell: a line resumes the agents, closing it ends them
wait_for "$WORK/agents.out" '^paused 0$' 60
sleep 10 # both JVMs' start-up (JIT, class loading) settles
HUB_T0=$(threads "$HUB")
AG_T0=$(threads "$AGENTS")
if [ "$HISTO" = 1 ]; then
  HUB_L0=$(live_kib "$HUB" hub 0)
  AG_L0=$(live_kib "$AGENTS" agents 0)
  echo "idle-10k: with 0 links: hub live heap $((HUB_L0 / 1024)) MiB, $HUB_T0 threads; agents' JVM live heap $((AG_L0 / 1024)) MiB, $AG_T0 threads"
fi

ROWS="$WORK/rows"
: > "$ROWS"
LINK_START=$(date +%s)
for s in $STEPS; do
  echo >&3 # resume
  wait_for "$WORK/agents.out" "^paused $s\$\|^gave up" $((s / 10 + 300))
  if grep -q '^gave up' "$WORK/agents.out"; then
    echo "idle-10k: the agents' JVM gave up before $s: $(grep '^gave up' "$WORK/agents.out")"
    grep '^refusal' "$WORK/agents.out" | head -5
    break
  fi
  LINKED_AT=$(( $(date +%s) - LINK_START ))
  HUB_C0=$(ticks "$HUB")
  AG_C0=$(ticks "$AGENTS")
  LOAD0=$(cut -d' ' -f1 /proc/loadavg)
  sleep "$HOLD"
  HUB_C1=$(ticks "$HUB")
  AG_C1=$(ticks "$AGENTS")
  LOAD1=$(cut -d' ' -f1 /proc/loadavg)
  HELD=$(held "$PORT")
  AG_HELD=$(agents_linked)
  HUB_T=$(threads "$HUB")
  AG_T=$(threads "$AGENTS")
  HUB_PER="—"
  AG_PER="—"
  HUB_L="—"
  AG_L="—"
  AFTER="—"
  if [ "$HISTO" = 1 ]; then
    HUB_LK=$(live_kib "$HUB" hub "$s")
    AG_LK=$(live_kib "$AGENTS" agents "$s")
    HUB_L="$((HUB_LK / 1024)) MiB"
    AG_L="$((AG_LK / 1024)) MiB"
    HUB_PER="$(per_link "$HUB_L0" "$HUB_LK" "$HELD") KiB"
    AG_PER="$(per_link "$AG_L0" "$AG_LK" "$AG_HELD") KiB"
    sleep 2
    AFTER=$(held "$PORT")
  fi
  ROW="| $s | ${LINKED_AT} s | $HELD / $AG_HELD | $(cores "$HUB_C0" "$HUB_C1" "$HOLD") / $(cores "$AG_C0" "$AG_C1" "$HOLD") | $HUB_T0 → $HUB_T | $AG_T0 → $AG_T | $HUB_L, $HUB_PER | $AG_L, $AG_PER | $AFTER | $LOAD0 → $LOAD1 |"
  echo "$ROW" >> "$ROWS"
  echo "idle-10k: $ROW"
  LINK_START=$(date +%s)
done

echo "idle-10k: hub $HUB_JAR, agents $BENCH_JAR; load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| links asked | linked in (since the step before) | held after ${HOLD} s: hub's sockets / agents linked | CPU in the hold: hub / agents (cores) | hub threads (0 → n) | agents' JVM threads (0 → n) | hub live heap, per link | agents' live heap, per agent | hub's sockets after the histograms | load average (hold start → end) |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
cat "$ROWS"
grep -v '^AGENTS\|^linked\|^paused' "$WORK/agents.out" | head -20 || true
if [ -n "${KEEP:-}" ]; then
  mkdir -p "$KEEP"
  cp "$WORK"/*.out "$WORK"/*.err "$KEEP"/ 2>/dev/null || true
  cp "$WORK"/histo-*.txt "$KEEP"/ 2>/dev/null || true
  echo "idle-10k: logs and histograms in $KEEP"
fi
exec 3>&-
