#!/usr/bin/env python3
"""The means criterion saved for the benches (`cargo bench`), as Markdown tables.

Reads $CARGO_TARGET_DIR/criterion (or target/criterion), the estimates of the
latest run of each benchmark, and prints: the load, first frame, search and
UI-keystroke means; then the draw means, one row per view.

    bench/criterion_table.py [CRITERION_DIR]
"""

import json
import os
import sys
from pathlib import Path

GROUPS = ["load", "first_frame", "index_build", "keystroke", "ui_keystroke"]


def main():
    root = Path(sys.argv[1] if len(sys.argv) > 1 else
                Path(os.environ.get("CARGO_TARGET_DIR", "target")) / "criterion")
    found = {}
    for bench in root.glob("*/**/new/benchmark.json"):
        meta = json.loads(bench.read_text())
        est = json.loads((bench.parent / "estimates.json").read_text())
        mean = est["mean"]
        found[meta["full_id"]] = (
            mean["point_estimate"] / 1e6,
            mean["confidence_interval"]["lower_bound"] / 1e6,
            mean["confidence_interval"]["upper_bound"] / 1e6,
            est["median"]["point_estimate"] / 1e6,
        )
    if not found:
        print(f"no criterion results under {root}: run `cargo bench` first")
        return 1

    def fmt(x):
        return f"{x:.3f}" if x < 10 else f"{x:.1f}"

    print("| benchmark | mean ms | 95 % CI of the mean | median ms |")
    print("|---|---|---|---|")
    for g in GROUPS:
        for full_id in sorted(k for k in found if k.split("/")[0] == g):
            m, lo, hi, med = found[full_id]
            print(f"| {full_id} | {fmt(m)} | {fmt(lo)}–{fmt(hi)} | {fmt(med)} |")

    draws = [k.split("/")[1:] for k in found if k.startswith("draw/")]
    cols = sorted({(size, dims) for size, dims, _ in draws}, key=lambda c: (c[0], c[1] != "80x24"))
    views = []
    for _, _, view in sorted(draws, key=lambda d: d[2]):
        if view not in views:
            views.append(view)
    if draws:
        print("\nOne frame drawn into a TestBackend, mean ms:\n")
        print("| view | " + " | ".join(f"{s} {d}" for s, d in cols) + " |")
        print("|---" * (len(cols) + 1) + "|")
        for v in views:
            cells = [found.get(f"draw/{s}/{d}/{v}") for s, d in cols]
            print(f"| {v} | " + " | ".join(fmt(c[0]) if c else "–" for c in cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
