#!/usr/bin/env bash
# The app as a person runs it, in a pseudo-terminal, for the bundled catalog
# and an ESCO-sized one (examples/gen_catalog --shape esco: 3,000 roles,
# 14,000 skills, 10.1 MiB of YAML, loaded with --max-file-mb 16):
#
#   1. time to first frame (p50/p95/min/max) and peak RSS (bench/ttff.py);
#   2. `career-explorer validate` wall time (hyperfine) and peak RSS;
#   3. typing a search: each key until it is drawn, and until its results
#      are drawn (bench/typing.py).
#
#   bench/startup.sh                          # about 2 minutes
#   RUNS=10 bench/startup.sh                  # fewer first-frame runs
#   BIN=/path/to/career-explorer bench/startup.sh   # another build
#
# Installs what it needs from Debian if missing: time (GNU time, for peak
# RSS), hyperfine, python3-pyte (a terminal emulator for bench/typing.py).
# Everything the app writes goes to a temporary folder: HOME and XDG_* point
# there, and --progress names a file in it.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-30}
COLS=${COLS:-80}
ROWS=${ROWS:-24}
PY=/usr/bin/python3
TARGET=${CARGO_TARGET_DIR:-target}

missing=()
[ -x /usr/bin/time ] || missing+=(time)
command -v hyperfine >/dev/null || missing+=(hyperfine)
"$PY" -c 'import pyte' 2>/dev/null || missing+=(python3-pyte)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}" >&2
  sudo=; [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq >&2
  $sudo apt-get install -y -qq "${missing[@]}" >&2
fi

if [ -z "${BIN:-}" ]; then
  cargo build --release --quiet
  BIN=$TARGET/release/career-explorer
fi
cargo build --release --quiet --example gen_catalog

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export HOME=$WORK/home XDG_CONFIG_HOME=$WORK/config XDG_DATA_HOME=$WORK/data \
  XDG_CACHE_HOME=$WORK/cache XDG_STATE_HOME=$WORK/state
mkdir -p "$HOME"
ESCO=$WORK/esco
"$TARGET/release/examples/gen_catalog" --shape esco --out "$ESCO" >/dev/null 2>&1
ESCO_ARGS=(--data "$ESCO" --max-file-mb 16)
mib() { awk -v b="$1" 'BEGIN { printf "%.2f", b / 1048576 }'; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -g | awk '/Mem:/ {print $2}') GiB RAM; $(uptime | sed 's/.*load/load/'); $(date -u +%Y-%m-%dT%H:%MZ)"
echo "binary: $BIN ($(stat -c %s "$BIN") bytes); terminal ${COLS}x${ROWS}"
echo "esco: $(mib "$(cat "$ESCO"/*.yaml | wc -c)") MiB of YAML, the largest file $(mib "$(stat -c %s "$ESCO"/*.yaml | sort -n | tail -1)") MiB"
echo
echo "Time to first frame ($RUNS runs) and peak RSS (5 runs), ms and MiB:"
echo
echo "| catalog | first frame p50 | p95 | min | max | peak RSS MiB |"
echo "|---|---|---|---|---|---|"
"$PY" bench/ttff.py --bin "$BIN" --runs "$RUNS" --cols "$COLS" --rows "$ROWS" --label bundled || true
"$PY" bench/ttff.py --bin "$BIN" "${ESCO_ARGS[@]}" --runs "$RUNS" --cols "$COLS" --rows "$ROWS" \
  --label esco || true

echo
echo "career-explorer validate (hyperfine, 20 runs after 2 warm-ups) and peak RSS (5 runs):"
echo
echo "| catalog | mean ms | ± σ | min | max | peak RSS MiB |"
echo "|---|---|---|---|---|---|"
for cat in bundled esco; do
  args=(validate); [ "$cat" = esco ] && args+=("${ESCO_ARGS[@]}")
  hyperfine -N --warmup 2 --runs 20 --export-json "$WORK/v.json" "$BIN ${args[*]}" >/dev/null 2>&1
  rss=0
  for _ in 1 2 3 4 5; do
    /usr/bin/time -f %M -o "$WORK/rss" "$BIN" "${args[@]}" >/dev/null
    r=$(tail -1 "$WORK/rss"); [ "$r" -gt "$rss" ] && rss=$r
  done
  "$PY" - "$WORK/v.json" "$cat" "$rss" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
ms = lambda s: s * 1e3
print(f"| {sys.argv[2]} | {ms(r['mean']):.1f} | {ms(r['stddev']):.1f} | {ms(r['min']):.1f} "
      f"| {ms(r['max']):.1f} | {int(sys.argv[3]) / 1024:.1f} |")
EOF
done

echo
echo "Typing a search (9 queries x 3, one key at a time, at most one key per 60 ms), ms from the key:"
echo
echo "| catalog | measure | p50 | p95 | max | keys |"
echo "|---|---|---|---|---|---|"
"$PY" bench/typing.py --bin "$BIN" --cols "$COLS" --rows "$ROWS" --label bundled || true
"$PY" bench/typing.py --bin "$BIN" "${ESCO_ARGS[@]}" --cols "$COLS" --rows "$ROWS" --label esco || true
