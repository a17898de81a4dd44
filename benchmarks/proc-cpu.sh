#!/bin/sh
# Prints "<epoch seconds> <cumulative CPU ticks (user + system)>" once a second for the first
# process named NAME (waits for it to start), until it exits. Ticks are 1/100 s on Linux
# (getconf CLK_TCK). Used for nats-server's CPU during ClusterIdleRun (docs/PERFORMANCE.md):
#   benchmarks/proc-cpu.sh nats-server > /tmp/nats-cpu.txt &
set -eu
name=${1:?usage: proc-cpu.sh PROCESS_NAME}
while ! pgrep -x "$name" > /dev/null; do sleep 0.2; done
pid=$(pgrep -x "$name" | head -1)
while [ -r "/proc/$pid/stat" ]; do
  ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2> /dev/null) || break
  echo "$(date +%s) $ticks"
  sleep 1
done
