#!/usr/bin/env bash
# How long `career-explorer skills` takes to read a large progress file:
# entries for skill ids the data does not have (they are kept and reported
# by design), each with a 220-character note, from 2,000 entries up to the
# most the 16 MiB limit lets through (63,529). Reading is linear in the
# entries (issue 20, progress-near-limit-quadratic-load): 16,000 entries
# should read in well under 200 ms.
#
#   bench/progress-load.sh                 # best of RUNS=5 per size
#   BIN=/path/to/career-explorer bench/progress-load.sh
#
# Everything goes to a temporary folder (HOME and XDG_* too).
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
BIN=${BIN:-${CARGO_TARGET_DIR:-target}/release/career-explorer}
if [ "$BIN" = "${CARGO_TARGET_DIR:-target}/release/career-explorer" ]; then
    cargo build --release --quiet
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export HOME=$T/h XDG_DATA_HOME=$T/d XDG_CONFIG_HOME=$T/c XDG_CACHE_HOME=$T/k

# Wall time and CPU time (user + system), best of RUNS: on a shared machine
# the CPU time is the steadier figure.
printf '%8s %10s %12s %12s\n' entries bytes 'best wall ms' 'best cpu ms'
for n in 2000 4000 8000 16000 32000 63529; do
    python3 - "$T/p.yaml" "$n" <<'EOF'
import sys
out, n = sys.argv[1], int(sys.argv[2])
with open(out, "w") as f:
    f.write("version: 1\nskills:\n")
    for i in range(n):
        f.write(f"  U{i:06d}:\n    state: done\n    note: {'n' * 220}\n")
EOF
    best=; cpu=
    for _ in $(seq "$RUNS"); do
        start=$(date +%s%N)
        c=$( { TIMEFORMAT='%U %S'; time "$BIN" skills --progress "$T/p.yaml" >/dev/null; } 2>&1 |
            awk '{ printf "%d", ($1 + $2) * 1000 }')
        ms=$(( ($(date +%s%N) - start) / 1000000 ))
        if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
        if [ -z "$cpu" ] || [ "$c" -lt "$cpu" ]; then cpu=$c; fi
    done
    printf '%8d %10d %12d %12d\n' "$n" "$(stat -c %s "$T/p.yaml")" "$best" "$cpu"
done
