#!/usr/bin/env python3
"""Time to first frame of career-explorer (or of another terminal program,
for comparison) in a pseudo-terminal.

Spawns the program on a fresh pty of the given size, starts the clock just
before the spawn and stops it at the first output of the alternate screen
that shows the marker (for career-explorer "Model producers": the first
frame), then sends `q` and waits for the exit. Repeats, and prints
p50/p95/min/max as a Markdown row. Then wraps a few more runs in
/usr/bin/time for the peak resident set size.

Every run gets a fresh temporary HOME and XDG_* folders and a --progress file
in it, removed afterwards: nothing is written under the real home.
--data-home DIR keeps XDG_DATA_HOME at DIR instead (the user's own postings
are read from DIR/career-explorer/postings; the app writes nothing there
unless asked).

    bench/ttff.py --bin target/release/career-explorer [--data DIR --max-file-mb 16] [--runs 30]
    bench/ttff.py --bin target/release/career-explorer --data-home DIR   # with own postings
    bench/ttff.py --cmd "nnn" --cwd DIR --marker some-file.txt --label nnn
"""

import argparse
import fcntl
import os
import re
import select
import shlex
import shutil
import struct
import subprocess
import sys
import tempfile
import termios
import time

ALT_SCREEN = b"\x1b[?1049h"
ESCAPES = re.compile(rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>78]")


def controlling_tty():
    """In the child: a session of its own, with the pty (its stdin) as the
    controlling terminal, so /dev/tty opens (tig and nnn read keys there)."""
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class Run:
    """career-explorer on a pty, in a home of its own."""

    def __init__(self, args, rss_file=None):
        self.home = tempfile.mkdtemp(prefix="ce-bench-")
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", args.rows, args.cols, 0, 0))
        if getattr(args, "cmd", None):
            cmd = shlex.split(args.cmd)
        else:
            cmd = [args.bin, "--progress", os.path.join(self.home, "progress.yaml"), "--lang", "en"]
            if args.data:
                cmd += ["--data", args.data]
            if args.max_file_mb:
                cmd += ["--max-file-mb", str(args.max_file_mb)]
        if rss_file:
            cmd = ["/usr/bin/time", "-f", "%M", "-o", rss_file] + cmd
        env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", HOME=self.home)
        for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            env[var] = os.path.join(self.home, var.lower())
            # Made up front: nnn refuses to start when its config folder's
            # parent is missing.
            os.makedirs(env[var])
        if getattr(args, "cwd", None):
            env["PWD"] = os.path.abspath(args.cwd)  # nnn starts in $PWD
        if getattr(args, "data_home", None):
            env["XDG_DATA_HOME"] = args.data_home
        self.start = time.perf_counter()
        self.proc = subprocess.Popen(
            cmd, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True,
            preexec_fn=controlling_tty, cwd=getattr(args, "cwd", None),
        )
        os.close(slave)

    def read(self, timeout):
        """The bytes that arrive within `timeout` seconds (b"" if none; None at EOF)."""
        r, _, _ = select.select([self.master], [], [], timeout)
        if not r:
            return b""
        try:
            return os.read(self.master, 65536) or None
        except OSError:
            return None

    def send(self, data):
        os.write(self.master, data)

    def close(self, quit_keys=b"q", timeout=5):
        """Sends `quit_keys`, drains until the process exits, cleans up."""
        try:
            self.send(quit_keys)
        except OSError:
            pass
        deadline = time.perf_counter() + timeout
        while self.proc.poll() is None and time.perf_counter() < deadline:
            if self.read(0.05) is None:
                break
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self.master)
        shutil.rmtree(self.home, ignore_errors=True)
        return self.proc.returncode


def first_frame(args, rss_file=None):
    """Returns (seconds to first frame or None, exit status, early output)."""
    run = Run(args, rss_file)
    out = b""
    first = None
    deadline = run.start + args.timeout
    while first is None and time.perf_counter() < deadline:
        chunk = run.read(0.05)
        if chunk is None:
            break
        if not chunk:
            if run.proc.poll() is not None:
                break
            continue
        out += chunk
        at = out.find(ALT_SCREEN)
        if at >= 0 and args.marker.encode() in ESCAPES.sub(b"", out[at:]):
            first = time.perf_counter() - run.start
    status = run.close()
    return first, status, out[:400]


def pct(sorted_values, p):
    k = max(1, -(-len(sorted_values) * p // 100))
    return sorted_values[k - 1]


def common_args(ap):
    ap.add_argument("--bin", help="career-explorer")
    ap.add_argument("--cmd", help="another program, as a shell would split it, instead of --bin")
    ap.add_argument("--cwd", help="the folder the program starts in")
    ap.add_argument("--marker", default="Model producers",
                    help="text whose arrival on the alternate screen is the first frame")
    ap.add_argument("--data-home", help="XDG_DATA_HOME for the run (own postings)")
    ap.add_argument("--data")
    ap.add_argument("--max-file-mb", type=int)
    ap.add_argument("--cols", type=int, default=80)
    ap.add_argument("--rows", type=int, default=24)
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("--label", default="")


def main():
    ap = argparse.ArgumentParser()
    common_args(ap)
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--rss-runs", type=int, default=5)
    args = ap.parse_args()

    firsts = []
    for _ in range(args.runs):
        first, status, early = first_frame(args)
        if first is None:
            text = ESCAPES.sub(b"", early).decode("utf-8", "replace").strip().splitlines()
            print(f"| {args.label} | no frame (exit {status}): {' / '.join(text[:2])} | | | | |")
            return 1
        firsts.append(first * 1e3)
    firsts.sort()
    rss = []
    for _ in range(args.rss_runs if os.path.exists("/usr/bin/time") else 0):
        with tempfile.NamedTemporaryFile(prefix="ce-rss-") as f:
            first_frame(args, rss_file=f.name)
            try:
                rss.append(int(open(f.name).read().split()[-1]))
            except (ValueError, IndexError):
                pass
    peak = f"{max(rss) / 1024:.1f}" if rss else "n/a"
    print(
        f"| {args.label} | {pct(firsts, 50):.1f} | {pct(firsts, 95):.1f} | {firsts[0]:.1f} "
        f"| {firsts[-1]:.1f} | {peak} |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
