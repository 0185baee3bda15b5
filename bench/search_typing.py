#!/usr/bin/env python3
"""Typing a search in career-explorer, in a pseudo-terminal, as a person does.

Starts the app on a pty (a fresh home, as bench/ttff.py does), waits for the
first frame, then for each query: `/` opens the search overlay, the query is
typed one character at a time, and Esc closes it. For each character it
measures, from the moment the key is written to the pty:

- drawn: until the screen shows the query line with that character;
- results: until the screen shows it with its results (the status line no
  longer says "searching…").

The next key goes when the results are up and at least --interval ms after
the last (a fast typist), so every key is measured with the search worker
idle. The screen is a terminal emulator (pyte) fed the app's output, read
only at the end of a frame (ratatui ends each with a cursor show/hide).

    bench/search_typing.py --bin target/release/career-explorer [--data DIR --max-file-mb 16]
"""

import argparse
import re
import sys
import time

import pyte

from ttff import Run, common_args, pct

QUERIES = [
    "prompt eng", "rag", "vector database", "langchain", "evals", "检索", "fine-tuning",
    "pinecoen", "zzqqxxw",
]
# The end of a ratatui frame: the cursor shown (and placed) or hidden.
FRAME_END = re.compile(rb"\x1b\[\?25[hl](\x1b\[\d+;\d+H)?$")
TITLE = "Search roles"  # the overlay title, "Search roles, skills, postings and notes", maybe cut
HINT = "Type a name, a tool"
SEARCHING = "searching…"


class Screen:
    def __init__(self, run, cols, rows):
        self.run = run
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.pending = b""

    def wait(self, test, timeout):
        """Reads output until `test(lines)` holds at the end of a frame; returns
        the time it did (perf_counter), or None."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            chunk = self.run.read(0.02)
            if chunk is None:
                return None
            if not chunk:
                continue
            now = time.perf_counter()
            self.stream.feed(chunk)
            self.pending = (self.pending + chunk)[-64:]
            if FRAME_END.search(self.pending) and test(self.lines()):
                return now
        return None

    def lines(self):
        """The screen's text; a wide character once (pyte's own `display`
        trips over a wide character's second cell left alone by an overwrite)."""
        buf = self.screen.buffer
        cols = self.screen.columns
        return ["".join(buf[y][x].data for x in range(cols)) for y in range(self.screen.lines)]


def query_row(lines, typed):
    """The row index showing the query line with exactly `typed`, or None."""
    for i, line in enumerate(lines):
        at = line.find("/ " + typed)
        if at >= 0:
            rest = line[at + 2 + len(typed):]
            if rest == "" or rest[0] in " │":
                return i
    return None


def main():
    ap = argparse.ArgumentParser()
    common_args(ap)
    ap.add_argument("--runs", type=int, default=3, help="times each query is typed")
    ap.add_argument("--interval", type=float, default=60.0, help="ms at least between keys")
    args = ap.parse_args()

    run = Run(args)
    scr = Screen(run, args.cols, args.rows)
    drawn, results = [], []
    try:
        if scr.wait(lambda ls: any("Model producers" in l for l in ls), args.timeout) is None:
            print(f"| {args.label} | no first frame | | | | |")
            return 1
        for _ in range(args.runs):
            for q in QUERIES:
                run.send(b"/")
                if scr.wait(lambda ls: any(HINT in l for l in ls), 10) is None:
                    print(f"| {args.label} | the search overlay did not open | | | | |")
                    return 1
                typed = ""
                for ch in q:
                    typed += ch
                    t0 = time.perf_counter()
                    run.send(ch.encode())
                    t1 = scr.wait(lambda ls: query_row(ls, typed) is not None, 10)

                    def answered(ls):
                        i = query_row(ls, typed)
                        return i is not None and i + 1 < len(ls) and SEARCHING not in ls[i + 1]

                    t2 = t1 if t1 is not None and answered(scr.lines()) else scr.wait(answered, 10)
                    if t1 is None or t2 is None:
                        print(f"| {args.label} | {typed!r} never drawn with its results | | | | |")
                        return 1
                    drawn.append((t1 - t0) * 1e3)
                    results.append((t2 - t0) * 1e3)
                    rest = t0 + args.interval / 1e3 - time.perf_counter()
                    if rest > 0:
                        time.sleep(rest)
                run.send(b"\x1b")
                if scr.wait(lambda ls: not any(TITLE in l for l in ls), 10) is None:
                    print(f"| {args.label} | the search overlay did not close | | | | |")
                    return 1
    finally:
        run.close()
    for name, v in (("keystroke drawn", drawn), ("results drawn", results)):
        v.sort()
        print(
            f"| {args.label} | {name} | {pct(v, 50):.1f} | {pct(v, 95):.1f} | {v[-1]:.1f} "
            f"| {len(v)} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
