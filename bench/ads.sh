#!/usr/bin/env bash
# 870 saved ads, instant (issue 21): writes COUNT made-up saved job pages of
# the real shape (bench/gen_ads.py: a schema.org JobPosting JSON-LD block in
# each HTML page), imports them, and measures with those postings loaded:
#
#   1. the import, in all and per ad;
#   2. first frame at 80x24 (goal < 300 ms) and peak RSS (goal < 120 MiB);
#   3. `postings` and `postings --json` (goal < 500 ms), peak RSS;
#   4. typing a search: each key drawn (goal < 16 ms) and its results drawn
#      (goal p95 < 50 ms);
#   5. pane 4: → to the next posting drawn (goal < 16 ms), and Enter on a
#      posting found by name in the search (its id; tests/search_posting.rs
#      finds postings by title and company).
#
#   bench/ads.sh                      # about 3 minutes
#   COUNT=300 bench/ads.sh
#   BIN=/path/to/career-explorer bench/ads.sh
#
# The import: `postings import DIR` when this build takes a folder; else
# (this branch) the single-file importer once per ad, on the text of the ad
# (the page's JSON-LD description as text, written by gen_ads.py beside
# it), with its company and title: the same postings, one process per ad.
# Everything goes to a temporary folder: HOME and XDG_* point there.
set -euo pipefail
cd "$(dirname "$0")/.."

COUNT=${COUNT:-870}
PY=/usr/bin/python3
TARGET=${CARGO_TARGET_DIR:-target}
missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
[ -x /usr/bin/time ] || missing+=(time)
"$PY" -c 'import pyte' 2>/dev/null || missing+=(python3-pyte)
if [ ${#missing[@]} -gt 0 ]; then
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
PAGES=$WORK/pages
POSTINGS=$XDG_DATA_HOME/career-explorer/postings
load() { cut -d' ' -f1 /proc/loadavg; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'); $(date -u +%Y-%m-%dT%H:%MZ)"
"$PY" bench/gen_ads.py --count "$COUNT" --out "$PAGES"
echo "pages: $(du -sh "$PAGES" | cut -f1) in all"

echo
start=$(date +%s.%N)
if "$BIN" postings import --help | grep -E '^Usage:' | grep -qE 'DIR|PATH'; then
  echo "import: postings import $PAGES (load $(load))"
  "$BIN" postings import "$PAGES" >/dev/null
else
  echo "import: this build's postings import takes one file: once per ad (load $(load))"
  for f in "$PAGES"/text/*.txt; do
    meta=${f%.txt}.meta
    "$BIN" postings import "$f" --company "$(sed -n 1p "$meta")" --title "$(sed -n 2p "$meta")" \
      --id "ad_$(basename "$f" .txt)" >/dev/null
  done
fi
end=$(date +%s.%N)
n=$(ls "$POSTINGS" | wc -l)
awk -v s="$start" -v e="$end" -v n="$n" \
  'BEGIN { printf "imported %d postings in %.1f s (%.1f ms an ad)\n", n, e - s, (e - s) * 1000 / n }'
echo "postings: $(du -sh "$POSTINGS" | cut -f1) of YAML, $(cat "$POSTINGS"/*.yaml | grep -cE '^- id: |^  - id: ') items"
TOTAL=$(( n + $("$BIN" postings --json | "$PY" -c 'import json,sys; print(sum(1 for p in json.load(sys.stdin) if not p["own"]))') ))

echo
echo "First frame with $n own postings (30 starts) and peak RSS (5 starts); load $(load):"
echo
echo "| catalog | first frame p50 | p95 | min | max | peak RSS MiB |"
echo "|---|---|---|---|---|---|"
"$PY" bench/ttff.py --bin "$BIN" --data-home "$XDG_DATA_HOME" --runs 30 --label "bundled + $n ads" || true

echo
echo "postings and postings --json (hyperfine, 20 runs after 2 warm-ups), peak RSS (5 runs); load $(load):"
echo
echo "| command | mean ms | ± σ | median | min | max | peak RSS MiB |"
echo "|---|---|---|---|---|---|---|"
for args in "postings" "postings --json"; do
  hyperfine -N --warmup 2 --runs 20 --export-json "$WORK/h.json" "$BIN $args" >/dev/null 2>&1
  rss=0
  for _ in 1 2 3 4 5; do
    /usr/bin/time -f %M -o "$WORK/rss" $BIN $args >/dev/null
    r=$(tail -1 "$WORK/rss"); [ "$r" -gt "$rss" ] && rss=$r
  done
  "$PY" - "$WORK/h.json" "$args" "$rss" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
ms = lambda s: s * 1e3
print(f"| {sys.argv[2]} | {ms(r['mean']):.1f} | {ms(r['stddev']):.1f} | {ms(r['median']):.1f} "
      f"| {ms(r['min']):.1f} | {ms(r['max']):.1f} | {int(sys.argv[3]) / 1024:.1f} |")
EOF
done

echo
echo "Typing a search with $n own postings (9 queries x 3), ms from the key; load $(load):"
echo
echo "| catalog | measure | p50 | p95 | max | keys |"
echo "|---|---|---|---|---|---|"
"$PY" bench/search_typing.py --bin "$BIN" --data-home "$XDG_DATA_HOME" --label "bundled + $n ads" || true

echo
echo "Pane 4 with $TOTAL postings: → 100 times, and Enter on a posting found by name; load $(load):"
echo
echo "| catalog | measure | p50 | p95 | max | keys |"
echo "|---|---|---|---|---|---|"
# Pane 4 lists postings in the order `postings --json` prints them; a folder
# import names each posting after its company and title, so the jump types
# the id found at position k of that list.
jumps=()
for k in $((TOTAL - 3)) $((TOTAL - 70)) $((TOTAL - 400)); do
  [ "$k" -gt 5 ] || continue
  id=$("$BIN" postings --json | "$PY" -c 'import json,sys; print(json.load(sys.stdin)[int(sys.argv[1]) - 1]["id"])' "$k")
  jumps+=(--jump "$k:$id")
done
"$PY" bench/postings_nav.py --bin "$BIN" --data-home "$XDG_DATA_HOME" --count "$TOTAL" \
  --label "bundled + $n ads" "${jumps[@]}" || true
