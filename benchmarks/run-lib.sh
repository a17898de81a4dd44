# Shared by the benchmark scripts that start processes (compare-013.sh, idle-memory-013.sh); source it
# after setting SCRIPT (the name used in messages). It makes WORK (a temporary directory) and PIDS (the
# processes to stop: add each one you start), and stops them all and removes WORK when the script ends.
WORK=$(mktemp -d)
PIDS=""
stop_all() {
  for p in $PIDS; do kill "$p" 2>/dev/null || true; done
  for p in $PIDS; do wait "$p" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap stop_all EXIT
trap 'exit 130' INT TERM

# wait_for FILE PATTERN SECONDS: until a line of FILE matches PATTERN; else says what it saw and exits
wait_for() {
  i=0
  until grep -q "$2" "$1" 2>/dev/null; do
    i=$((i + 1))
    if [ "$i" -gt $(($3 * 10)) ]; then
      echo "$SCRIPT: no '$2' in $1 within $3 s:" >&2
      tail -n 20 "$1" >&2
      tail -n 5 "$WORK"/*.err >&2 2>/dev/null
      exit 1
    fi
    sleep 0.1
  done
}
