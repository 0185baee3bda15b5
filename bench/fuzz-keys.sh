#!/usr/bin/env bash
# Key fuzz of the full-screen app (not run in CI): random keys, mouse
# reports, bracketed pastes, unfinished escape sequences and resizes in tmux
# (bench/fuzz_keys.py), in runs of EVENTS events, until TOTAL events were
# sent. Reports per run and in total: panics, hangs, key stalls, and whether
# the terminal was restored and the progress file still reads.
#
#   bench/fuzz-keys.sh                    # 10,000 events in 4 runs
#   TOTAL=2000 bench/fuzz-keys.sh         # a quick look
#   SEED=7 bench/fuzz-keys.sh             # other seeds (SEED, SEED+1, ...)
#   BIN=/path/to/career-explorer bench/fuzz-keys.sh
#
# Needs tmux and python3 with PyYAML (Debian: tmux python3-yaml).
# Exits 1 if any run panicked, hung, stalled or left the terminal broken.
set -euo pipefail
cd "$(dirname "$0")/.."

TOTAL=${TOTAL:-10000}
EVENTS=${EVENTS:-2500}
SEED=${SEED:-1}
BIN=${BIN:-${CARGO_TARGET_DIR:-target}/release/career-explorer}

command -v tmux >/dev/null || { echo "bench/fuzz-keys.sh needs tmux" >&2; exit 2; }
python3 -c 'import yaml' 2>/dev/null || { echo "bench/fuzz-keys.sh needs python3-yaml" >&2; exit 2; }
if [ "$BIN" = "${CARGO_TARGET_DIR:-target}/release/career-explorer" ]; then
    cargo build --release --quiet
fi

runs=$(( (TOTAL + EVENTS - 1) / EVENTS ))
log=$(mktemp)
for i in $(seq 0 $((runs - 1))); do
    BIN="$BIN" python3 bench/fuzz_keys.py $((SEED + i)) "$EVENTS" | tee -a "$log"
done
python3 - "$log" <<'EOF'
import json, sys
runs = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
total = {k: sum(r[k] for r in runs) for k in
         ("events", "keys", "mouse", "pastes", "junk", "resizes", "probes", "hangs", "key_stalls", "panics")}
restored = all(r["terminal_restored"] for r in runs)
reads = all(r["progress_reads"] for r in runs)
exits = [r["final_exit"] for r in runs]
print(f"{len(runs)} runs, {total['events']} events ({total['keys']} keys, {total['mouse']} mouse, "
      f"{total['pastes']} pastes, {total['junk']} unfinished or malformed sequences, "
      f"{total['resizes']} resizes), {sum(r['seconds'] for r in runs)} s")
print(f"panics {total['panics']}, hangs {total['hangs']}, key stalls {total['key_stalls']} "
      f"in {total['probes']} probes; exit statuses {exits}; terminal restored: {restored}; "
      f"progress file reads: {reads}")
bad = total["panics"] or total["hangs"] or total["key_stalls"] or not restored or not reads \
    or any(e != "0" for e in exits)
sys.exit(1 if bad else 0)
EOF
