#!/bin/sh
# Starts a private dbus-daemon and the fake BlueZ (fake_bluez.py) on it, with a Lovense-like
# "LVS-Z36" and a We-Vibe-like "Cougar", so the BLE backends can be tried without Bluetooth hardware
# and without touching the real system bus. Needs dbus-daemon, python3-dbus and python3-gi.
#
#   RUN=/tmp/fb ./start_fake_bluez.sh        # prints the export line and the stop command
#   extra arguments go to fake_bluez.py, e.g. --device lovense,AA:BB:CC:DD:EE:09,LVS-S123
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
RUN=${RUN:-$(mktemp -d /tmp/fake-bluez.XXXXXX)}
PY=${FAKE_BLUEZ_PYTHON:-/usr/bin/python3}
mkdir -p "$RUN"
rm -f "$RUN/bus"
ADDRESS="unix:path=$RUN/bus"
dbus-daemon --config-file="$HERE/bus.conf" --address="$ADDRESS" --nofork --print-address \
    > "$RUN/bus.address" 2> "$RUN/bus.log" &
echo $! > "$RUN/bus.pid"
i=0
while [ ! -S "$RUN/bus" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
"$PY" "$HERE/fake_bluez.py" --address "$ADDRESS" \
    --device lovense,AA:BB:CC:DD:EE:01 --device wevibe,AA:BB:CC:DD:EE:02 "$@" > "$RUN/fake.log" 2>&1 &
echo $! > "$RUN/fake.pid"
i=0
while ! grep -q READY "$RUN/fake.log" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
if ! grep -q READY "$RUN/fake.log"; then
    echo "fake BlueZ did not start:" >&2; cat "$RUN/fake.log" >&2
    kill "$(cat "$RUN/bus.pid")" 2>/dev/null || true
    exit 1
fi
echo "export DBUS_SYSTEM_BUS_ADDRESS=$ADDRESS"
echo "# stop with: kill $(cat "$RUN/fake.pid") $(cat "$RUN/bus.pid")"
