#!/usr/bin/env bash
# Time to first frame and peak memory of the app, in a pseudo-terminal:
# the bundled catalog and synthetic ones (examples/gen_catalog.rs).
#
#   bench/startup.sh                  # bundled, 1k, 10k, 100k at 80x24, 30 runs each
#   SIZES="1k 10k 100k 1m" RUNS=10 bench/startup.sh
#   BIN=/path/to/other/career-explorer bench/startup.sh   # another build
#
# The clock starts just before the spawn and stops at the first bytes of the
# alternate screen that show "API boundary"; then `q` is sent. Peak RSS comes
# from /usr/bin/time (the `time` package, installed if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
# Synthetic catalogs from 15k items up hold a file over the default 4 MiB limit.
export CAREER_EXPLORER_MAX_FILE_MB=${CAREER_EXPLORER_MAX_FILE_MB:-1024}

RUNS=${RUNS:-30}
SIZES=${SIZES:-"1k 10k 100k"}
COLS=${COLS:-80}
ROWS=${ROWS:-24}
DATA_ROOT=${DATA_ROOT:-${TMPDIR:-/tmp}/career-explorer-bench}

if [ ! -x /usr/bin/time ]; then
  echo "installing GNU time (for peak RSS)" >&2
  if [ "$(id -u)" = 0 ]; then apt-get install -y time >&2; else sudo apt-get install -y time >&2; fi
fi

if [ -z "${BIN:-}" ]; then
  cargo build --release --quiet
  BIN=target/release/career-explorer
fi
cargo build --release --quiet --example gen_catalog
GEN=target/release/examples/gen_catalog

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -g | awk '/Mem:/ {print $2}') GiB RAM; $(date -u +%Y-%m-%dT%H:%MZ)"
echo "binary: $BIN ($(stat -c %s "$BIN") bytes); terminal ${COLS}x${ROWS}; $RUNS runs each"
echo
echo "| catalog | first frame p50 ms | p95 ms | min ms | max ms | peak RSS MiB |"
echo "|---|---|---|---|---|---|"
python3 bench/ttff.py --bin "$BIN" --runs "$RUNS" --cols "$COLS" --rows "$ROWS" --label bundled || true
# The catalog cache (large --data folders) lives in a fresh folder, not the
# user's: each size is timed reading the YAML (cold), then from the cache.
export XDG_CACHE_HOME=$(mktemp -d)
trap 'rm -rf "$XDG_CACHE_HOME"' EXIT
for size in $SIZES; do
  dir="$DATA_ROOT/cat-$size"
  if [ ! -f "$dir/skills.yaml" ]; then
    "$GEN" --items "$size" --out "$dir" >/dev/null 2>&1
    sleep 2 # files modified in the last 2 s are not cached
  fi
  yaml=$(cat "$dir"/*.yaml | wc -c)
  CAREER_EXPLORER_NO_CACHE=1 python3 bench/ttff.py --bin "$BIN" --data "$dir" --runs "$RUNS" \
    --cols "$COLS" --rows "$ROWS" --label "$size ($((yaml / 1024)) KiB YAML), cold" || true
  if "$BIN" --data "$dir" validate >/dev/null 2>&1; then
    python3 bench/ttff.py --bin "$BIN" --data "$dir" --runs "$RUNS" --cols "$COLS" --rows "$ROWS" \
      --label "$size, cached" || true
  fi
done
