#!/bin/sh
# Measures `postings import` on the real, hand-labelled job ads in ../shared/ads (not in this
# repository): builds the release binary and runs the labels' scorer on it. Not part of
# `cargo test`; docs/IMPORT.md gives the figures of one run and how to read them.
#
# Usage: bench/score-ads.sh [extra score.py arguments, e.g. --only 03,17 --verbose]
# ADS=/path/to/ads overrides where the ads are looked for.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
ads=${ADS:-$root/../shared/ads}
if [ ! -f "$ads/score.py" ]; then
    echo "score-ads: no $ads/score.py here; skipping (set ADS=DIR to point at the labelled ads)"
    exit 0
fi
cd "$root"
CARGO_BUILD_JOBS=${CARGO_BUILD_JOBS:-1} cargo build --release --quiet
echo "score-ads: $(date -u +%Y-%m-%d), $(git rev-parse --short HEAD 2>/dev/null || echo '?'), ads in $ads"
cd "$ads"
exec python3 score.py "$root/target/release/career-explorer" "$@"
