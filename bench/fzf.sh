#!/usr/bin/env bash
# `career-explorer search` as a whole process against `fzf --filter`, on the
# same synthetic corpus and the seven queries of the search bench: cold (the
# YAML parsed, CAREER_EXPLORER_NO_CACHE=1) and cached (the catalog cache of
# src/cache.rs warmed first, in a temporary XDG_CACHE_HOME).
#
#   bench/fzf.sh                         # 10k and 100k items
#   SIZES="100k" RUNS=20 bench/fzf.sh
#   BIN=/path/to/career-explorer bench/fzf.sh   # another build (e.g. one whose loader accepts 100k)
#
# fzf reads corpus.txt (one line per searchable item: kind, id, English and
# Chinese name, tools; examples/gen_catalog.rs writes it beside the YAML);
# career-explorer loads and validates the catalog (YAML or cache), builds its
# index and prints the best 50. Before timing, the script checks that the
# cached run prints exactly what the cold one does, and after it that the
# cache still hits. fzf and hyperfine come from Debian's packages and are
# installed if missing; without hyperfine, repeated runs are timed in Python.
set -euo pipefail
cd "$(dirname "$0")/.."
# Synthetic catalogs from 15k items up hold a file over the default 4 MiB limit.
export CAREER_EXPLORER_MAX_FILE_MB=${CAREER_EXPLORER_MAX_FILE_MB:-1024}

RUNS=${RUNS:-15}
SIZES=${SIZES:-"10k 100k"}
DATA_ROOT=${DATA_ROOT:-${TMPDIR:-/tmp}/career-explorer-bench}
QUERIES=("langchain" "postgres" "prompt eng" "vector search" "fulstak" "提示词" "evals ci")

install() {
  if [ "$(id -u)" = 0 ]; then apt-get install -y "$@" >&2; else sudo apt-get install -y "$@" >&2; fi
}
command -v fzf >/dev/null || { echo "installing fzf" >&2; install fzf; }
command -v hyperfine >/dev/null || { echo "installing hyperfine" >&2; install hyperfine || true; }

if [ -z "${BIN:-}" ]; then
  cargo build --release --quiet
  BIN=$(realpath "${CARGO_TARGET_DIR:-target}")/release/career-explorer
fi
cargo build --release --quiet --example gen_catalog
GEN=${CARGO_TARGET_DIR:-target}/release/examples/gen_catalog

# Mean wall time in ms of a shell command, over RUNS runs.
mean_ms() {
  local cmd=$1
  if command -v hyperfine >/dev/null; then
    local json
    json=$(mktemp)
    hyperfine --warmup 2 --runs "$RUNS" --style none --export-json "$json" "$cmd" >/dev/null 2>&1 || { echo fail; rm -f "$json"; return; }
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.1f±%.1f" % (r["mean"]*1e3, r["stddev"]*1e3))' "$json"
    rm -f "$json"
  else
    python3 - "$cmd" "$RUNS" <<'PY'
import subprocess, sys, time, statistics
cmd, runs = sys.argv[1], int(sys.argv[2])
subprocess.run(cmd, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
t = []
for _ in range(runs):
    s = time.perf_counter()
    r = subprocess.run(cmd, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    t.append((time.perf_counter() - s) * 1e3)
    if r.returncode != 0:
        print("fail"); sys.exit()
print(f"{statistics.mean(t):.1f}±{statistics.pstdev(t):.1f}")
PY
  fi
}

CACHE_HOME=$(mktemp -d)
trap 'rm -rf "$CACHE_HOME"' EXIT
COLD="env CAREER_EXPLORER_NO_CACHE=1 '$BIN'"
WARM="env XDG_CACHE_HOME='$CACHE_HOME' '$BIN'"

# Whether a cached run of $BIN on $1 reads the cache (running it until it
# does: the first run writes it; files modified in the last 2 s are not
# cached, so wait for them once).
cache_note() {
  env XDG_CACHE_HOME="$CACHE_HOME" CAREER_EXPLORER_CACHE_DEBUG=1 "$BIN" --data "$1" "$2" 2>&1 >/dev/null || true
}
cache_hits() {
  local try
  for try in 1 2 3; do
    if [[ $(cache_note "$1" validate) == *"cache: wrote"* && $(cache_note "$1" roles) == *"cache: hit"* ]]; then
      return 0
    fi
    sleep 2
  done
  return 1
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -g | awk '/Mem:/ {print $2}') GiB RAM; $(date -u +%Y-%m-%dT%H:%MZ); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "fzf $(fzf --version | cut -d' ' -f1); $(hyperfine --version 2>/dev/null || echo 'no hyperfine: python timing'); $RUNS runs; binary $BIN"
echo
echo "| items | query | fzf --filter ms | career-explorer cold ms | cached ms | cached / fzf |"
echo "|---|---|---|---|---|---|"
for size in $SIZES; do
  dir="$DATA_ROOT/cat-$size"
  if [ ! -f "$dir/corpus.txt" ]; then
    "$GEN" --items "$size" --out "$dir" >/dev/null 2>&1
  fi
  if ! CAREER_EXPLORER_NO_CACHE=1 "$BIN" validate --data "$dir" >/dev/null 2>&1; then
    why=$({ CAREER_EXPLORER_NO_CACHE=1 "$BIN" validate --data "$dir" 2>&1 || true; } | sed -n 2p | sed 's/^ *//')
    for q in "${QUERIES[@]}"; do
      f=$(mean_ms "fzf --filter '$q' < '$dir/corpus.txt' > /dev/null")
      echo "| $size | $q | $f | refused: $why | – | – |"
    done
    continue
  fi
  cached=yes
  cache_hits "$dir" || cached=no
  for q in "${QUERIES[@]}"; do
    f=$(mean_ms "fzf --filter '$q' < '$dir/corpus.txt' > /dev/null")
    c=$(mean_ms "$COLD --data '$dir' search '$q' --limit 50 > /dev/null")
    w="–"
    ratio="–"
    if [ $cached = yes ]; then
      if cmp -s <(eval "$COLD --data '$dir' search '$q' --limit 50") <(eval "$WARM --data '$dir' search '$q' --limit 50"); then
        w=$(mean_ms "$WARM --data '$dir' search '$q' --limit 50 > /dev/null")
        ratio=$(python3 -c 'import sys; a,b=(float(x.split("±")[0]) for x in sys.argv[1:]); print(f"{b/a:.2f}")' "$f" "$w" 2>/dev/null || echo "–")
      else
        w="differs from cold!"
      fi
    fi
    echo "| $size | $q | $f | $c | $w | $ratio |"
  done
  if [[ $cached = yes && $(cache_note "$dir" roles) != *"cache: hit"* ]]; then
    echo "warning: the cache of $dir no longer hits after the runs" >&2
  fi
done
