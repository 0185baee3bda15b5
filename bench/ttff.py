#!/usr/bin/env python3
"""Time to first frame of career-explorer in a pseudo-terminal.

Spawns the binary on a fresh pty of the given size, starts the clock just
before the spawn and stops it at the first output of the alternate screen
that shows "API boundary" (the first frame), then sends `q` and waits for the
exit. Repeats, and prints p50/p95/min/max. With --rss, wraps each run in
/usr/bin/time to read the peak resident set size.

    bench/ttff.py --bin target/release/career-explorer [--data DIR] [--runs 30]
"""

import argparse
import fcntl
import os
import re
import select
import struct
import subprocess
import sys
import tempfile
import termios
import time

ALT_SCREEN = b"\x1b[?1049h"
ESCAPES = re.compile(rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>78]")


def one_run(args, rss_file=None):
    """Returns (seconds to first frame, seconds to exit, exit status, early output)."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", args.rows, args.cols, 0, 0))
    home = tempfile.mkdtemp(prefix="ce-ttff-")
    cmd = [args.bin, "--progress", os.path.join(home, "progress.yaml"), "--lang", "en"]
    if args.data:
        cmd += ["--data", args.data]
    if rss_file:
        cmd = ["/usr/bin/time", "-f", "%M", "-o", rss_file] + cmd
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", XDG_DATA_HOME=home)
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True,
        preexec_fn=os.setsid,
    )
    os.close(slave)
    out = b""
    first = None
    deadline = start + args.timeout
    while first is None and time.perf_counter() < deadline:
        r, _, _ = select.select([master], [], [], 0.05)
        if not r:
            if proc.poll() is not None:
                break
            continue
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
        at = out.find(ALT_SCREEN)
        if at >= 0 and b"API boundary" in ESCAPES.sub(b"", out[at:]):
            first = time.perf_counter() - start
    if first is not None:
        os.write(master, b"q")
    # Drain until the process exits.
    while proc.poll() is None and time.perf_counter() < deadline + 5:
        r, _, _ = select.select([master], [], [], 0.05)
        if r:
            try:
                if not os.read(master, 65536):
                    break
            except OSError:
                break
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    total = time.perf_counter() - start
    os.close(master)
    return first, total, proc.returncode, out[:400]


def pct(sorted_values, p):
    k = max(1, -(-len(sorted_values) * p // 100))
    return sorted_values[k - 1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--data")
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--rss-runs", type=int, default=5)
    ap.add_argument("--cols", type=int, default=80)
    ap.add_argument("--rows", type=int, default=24)
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("--label", default="")
    args = ap.parse_args()

    firsts = []
    for _ in range(args.runs):
        first, _, status, early = one_run(args)
        if first is None:
            text = ESCAPES.sub(b"", early).decode("utf-8", "replace").strip().splitlines()
            print(f"| {args.label} | no frame (exit {status}): {' / '.join(text[:2])} | | | | |")
            return 1
        firsts.append(first * 1e3)
    firsts.sort()
    rss = []
    if os.path.exists("/usr/bin/time"):
        for _ in range(args.rss_runs):
            with tempfile.NamedTemporaryFile(prefix="ce-rss-") as f:
                first, _, _, _ = one_run(args, rss_file=f.name)
                try:
                    rss.append(int(open(f.name).read().split()[-1]))
                except (ValueError, IndexError):
                    pass
    peak = f"{max(rss) / 1024:.1f}" if rss else "n/a"
    print(
        f"| {args.label} | {pct(firsts, 50):.2f} | {pct(firsts, 95):.2f} | {firsts[0]:.2f} "
        f"| {firsts[-1]:.2f} | {peak} |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
