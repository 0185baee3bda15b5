#!/usr/bin/env bash
# The bundled start, side by side with the fastest terminal tools, in one
# run: career-explorer (bundled data), nnn, tig and htop from Debian, each
# started in a pseudo-terminal at 80x24 (bench/ttff.py), ROUNDS rounds of
# RUNS starts each, the programs taking turns so a shared machine's load
# falls on all alike. Prints each round's p50 and peak RSS, then the median
# of the rounds' p50s and career-explorer's ratio to each tool's
# (the goal: within 1.5x nnn's, peak RSS under 8 MiB). Then typing a search
# in the bundled app (bench/search_typing.py).
#
#   bench/startup.sh                          # about 2 minutes
#   ROUNDS=5 RUNS=20 bench/startup.sh
#   BIN=/path/to/career-explorer bench/startup.sh   # another build
#   ESCO=1 bench/startup.sh                   # also the ESCO-sized catalog
#
# Installs what it needs from Debian if missing (apt-get update first): nnn,
# tig, htop, time (GNU time, for peak RSS), python3-pyte (the terminal
# emulator of bench/search_typing.py). Everything the programs write goes
# to a temporary folder: HOME and XDG_* point there.
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-3}
RUNS=${RUNS:-15}
COLS=${COLS:-80}
ROWS=${ROWS:-24}
PY=/usr/bin/python3
TARGET=${CARGO_TARGET_DIR:-target}

missing=()
for p in nnn tig htop; do command -v $p >/dev/null || missing+=($p); done
[ -x /usr/bin/time ] || missing+=(time)
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

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export HOME=$WORK/home XDG_CONFIG_HOME=$WORK/config XDG_DATA_HOME=$WORK/data \
  XDG_CACHE_HOME=$WORK/cache XDG_STATE_HOME=$WORK/state
mkdir -p "$HOME"
# What nnn and tig show: a folder of a few files, a git repository with a commit.
DIR=$WORK/repo
mkdir -p "$DIR"
for f in alpha.txt beta.txt gamma.md; do echo "a file" > "$DIR/$f"; done
git -C "$DIR" init -q
git -C "$DIR" add -A
git -C "$DIR" -c user.name=bench -c user.email=bench@example.org commit -q -m "bench: the first commit"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -g | awk '/Mem:/ {print $2}') GiB RAM; $(date -u +%Y-%m-%dT%H:%MZ)"
echo "binary: $BIN ($(stat -c %s "$BIN") bytes); terminal ${COLS}x${ROWS}; $(nnn -V | head -1 | sed 's/^/nnn /'), $(tig --version | head -1), $(htop --version | head -1)"
echo
echo "First frame ($ROUNDS rounds x $RUNS starts, ms) and peak RSS (3 starts a round, MiB):"
echo
echo "| round | program | first frame p50 | p95 | min | max | peak RSS MiB | load (1 min) |"
echo "|---|---|---|---|---|---|---|---|"
SUM=$WORK/summary
: > "$SUM"
for round in $(seq "$ROUNDS"); do
  for prog in career-explorer nnn tig htop; do
    case $prog in
      career-explorer) args=(--bin "$BIN") ;;
      nnn) args=(--cmd nnn --cwd "$DIR" --marker gamma.md) ;;
      tig) args=(--cmd tig --cwd "$DIR" --marker "the first commit") ;;
      htop) args=(--cmd htop --cwd "$DIR" --marker "Load average") ;;
    esac
    load=$(cut -d' ' -f1 /proc/loadavg)
    row=$("$PY" bench/ttff.py "${args[@]}" --runs "$RUNS" --rss-runs 3 --cols "$COLS" \
      --rows "$ROWS" --label "$prog" || true)
    echo "| $round ${row% |} | $load |"
    echo "$row" | awk -F'|' -v p="$prog" '{ gsub(/ /, "", $3); gsub(/ /, "", $7); print p, $3, $7 }' >> "$SUM"
  done
done
echo
"$PY" - "$SUM" <<'EOF'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    p, p50, rss = line.split()
    try:
        rows.setdefault(p, []).append((float(p50), float(rss)))
    except ValueError:
        pass
ce = statistics.median(v[0] for v in rows.get("career-explorer", [(float("nan"), 0)]))
print("| program | median of the rounds' p50, ms | career-explorer / it | largest peak RSS MiB |")
print("|---|---|---|---|")
for p, v in rows.items():
    m = statistics.median(x[0] for x in v)
    print(f"| {p} | {m:.1f} | {ce / m:.2f}x | {max(x[1] for x in v):.1f} |")
EOF

echo
echo "Typing a search, bundled data (9 queries x 3, one key at a time), ms from the key; load $(cut -d' ' -f1 /proc/loadavg):"
echo
echo "| catalog | measure | p50 | p95 | max | keys |"
echo "|---|---|---|---|---|---|"
"$PY" bench/search_typing.py --bin "$BIN" --cols "$COLS" --rows "$ROWS" --label bundled || true

if [ -n "${ESCO:-}" ]; then
  cargo build --release --quiet --example gen_catalog
  ESCO_DIR=$WORK/esco
  "$TARGET/release/examples/gen_catalog" --shape esco --out "$ESCO_DIR" >/dev/null 2>&1
  echo
  echo "ESCO-sized catalog (--data, --max-file-mb 16):"
  echo
  echo "| catalog | first frame p50 | p95 | min | max | peak RSS MiB |"
  echo "|---|---|---|---|---|---|"
  "$PY" bench/ttff.py --bin "$BIN" --data "$ESCO_DIR" --max-file-mb 16 --runs 10 --label esco || true
  "$PY" bench/search_typing.py --bin "$BIN" --data "$ESCO_DIR" --max-file-mb 16 --label esco || true
fi
