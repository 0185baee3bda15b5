#!/usr/bin/env python3
"""Moving between postings in pane 4, and jumping to one by name, in a
pseudo-terminal, with the user's own postings loaded (--data-home DIR).

Starts the app on a pty (as bench/ttff.py does), waits for the first frame,
presses `4`, then → (--moves times): each move is timed from the key until
the frame whose posting box title shows the next "k/N". Then, for a few
postings near the end, `/`, a name of the posting typed at once (--jump
k:text; bench/ads.sh types the id it imported the ad under), and Enter:
timed from Enter until pane 4 shows that posting's "k/N". The
screen is a terminal emulator (pyte), read at the end of each frame.

    bench/postings_nav.py --bin target/release/career-explorer --data-home DIR --count 875
"""

import argparse
import sys
import time

from ttff import Run, common_args, pct
from search_typing import Screen

RIGHT = b"\x1b[C"


def shows(ls, k, n):
    return any(f" {k}/{n}" in line for line in ls)


def main():
    ap = argparse.ArgumentParser()
    common_args(ap)
    ap.add_argument("--count", type=int, required=True, help="postings in the catalog")
    ap.add_argument("--moves", type=int, default=100)
    ap.add_argument("--interval", type=float, default=30.0, help="ms at least between keys")
    ap.add_argument("--jump", action="append", default=[],
                    help="k:text: type text in the search and expect posting k (1-based)")
    args = ap.parse_args()
    n = args.count

    run = Run(args)
    scr = Screen(run, args.cols, args.rows)
    moves, jumps = [], []
    try:
        if scr.wait(lambda ls: any(args.marker in l for l in ls), args.timeout) is None:
            print(f"| {args.label} | no first frame | | | | |")
            return 1
        run.send(b"4")
        if scr.wait(lambda ls: shows(ls, 1, n), 10) is None:
            print(f"| {args.label} | pane 4 did not show posting 1/{n} | | | | |")
            return 1
        for k in range(2, min(n, args.moves + 1) + 1):
            t0 = time.perf_counter()
            run.send(RIGHT)
            t1 = scr.wait(lambda ls: shows(ls, k, n), 10)
            if t1 is None:
                print(f"| {args.label} | → never showed posting {k}/{n} | | | | |")
                return 1
            moves.append((t1 - t0) * 1e3)
            rest = t0 + args.interval / 1e3 - time.perf_counter()
            if rest > 0:
                time.sleep(rest)
        for spec in args.jump:
            k, text = spec.split(":", 1)
            run.send(b"/")
            if scr.wait(lambda ls: any("Type a name" in l for l in ls), 10) is None:
                print(f"| {args.label} | the search overlay did not open | | | | |")
                return 1
            run.send(text.encode())
            # Enter once the results for the whole text are drawn.
            if scr.wait(lambda ls: any(f"/ {text}" in l for l in ls)
                        and any("posting " in l for l in ls)
                        and not any("searching…" in l for l in ls), 10) is None:
                print(f"| {args.label} | no results for {text!r} | | | | |")
                return 1
            t0 = time.perf_counter()
            run.send(b"\r")
            t1 = scr.wait(lambda ls: shows(ls, int(k), n), 10)
            if t1 is None:
                print(f"| {args.label} | Enter on {text!r} did not open posting {k}/{n} | | | | |")
                return 1
            jumps.append((t1 - t0) * 1e3)
    finally:
        run.close()
    for name, v in (("→ next posting drawn", moves), ("Enter on a search result: posting drawn", jumps)):
        if not v:
            continue
        v.sort()
        print(f"| {args.label} | {name} | {pct(v, 50):.1f} | {pct(v, 95):.1f} | {v[-1]:.1f} | {len(v)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
