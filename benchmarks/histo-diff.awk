# Per-link difference between two class histograms (jcmd <pid> GC.class_histogram), e.g. those
# idle-10k.sh keeps with KEEP=<dir>: bytes and objects per link of each class that changed by more
# than 1 byte per link, and their total.
# Usage: awk -v n=<links added between the two> -f benchmarks/histo-diff.awk before.txt after.txt | sort -rn
FNR == NR && $1 ~ /^[0-9]+:$/ { before_bytes[$4] = $3; before_count[$4] = $2; next }
$1 ~ /^[0-9]+:$/ { after_bytes[$4] = $3; after_count[$4] = $2 }
END {
  for (k in after_bytes) {
    d = (after_bytes[k] - before_bytes[k]) / n
    c = (after_count[k] - before_count[k]) / n
    if (d > 1 || d < -1) { printf "%8.1f B %6.2f obj %s\n", d, c, k; total += d }
  }
  for (k in before_bytes) if (!(k in after_bytes)) { d = -before_bytes[k] / n; if (d < -1) { printf "%8.1f B (gone) %s\n", d, k; total += d } }
  printf "%8.1f B total (shown)\n", total
}
