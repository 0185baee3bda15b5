#!/usr/bin/env python3
"""Random input for the full-screen app in tmux: keys, mouse reports (SGR and
X10), bracketed pastes, unfinished or malformed escape sequences and window
resizes, as fast as tmux delivers them.

usage: BIN=target/release/career-explorer python3 bench/fuzz_keys.py SEED EVENTS

Every 250 events two probes run:
  - a hang probe: the window shrinks to a size the app cannot use and the
    app must draw its "WxH < 60x20" frame within 5 s;
  - a key probe: Esc three times, then ? must open the help overlay and Esc
    close it, within 2 s each. A failed key probe is a "key stall" (the
    symptom of issue 20's incomplete-escape-sequence-swallows-keys).
At the end q quits (y answers a question if one is asked); the exit status,
the terminal's modes (main screen, mouse reporting off, cooked mode) and the
progress file (still YAML) are checked. Prints one JSON line of counts.
Everything the app writes goes to a temporary folder.
"""
import json
import os
import random
import shlex
import subprocess
import sys
import tempfile
import time

import yaml

BIN = os.path.abspath(os.environ.get("BIN", "target/release/career-explorer"))
SEED, EVENTS = int(sys.argv[1]), int(sys.argv[2])
SOCKET = f"ce-fuzz-{os.getpid()}-{SEED}"
SESSION = "fz"
random.seed(SEED)


def tmux(*args, stdin=None):
    r = subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True, text=True, input=stdin)
    return r.stdout


def screen():
    return tmux("capture-pane", "-p", "-t", SESSION)


def send_bytes(data: bytes):
    hexes = [f"{b:02x}" for b in data]
    for i in range(0, len(hexes), 200):
        tmux("send-keys", "-t", SESSION, "-H", *hexes[i:i + 200])


def wait_for(text, seconds):
    end = time.time() + seconds
    while time.time() < end:
        if text in screen():
            return True
        time.sleep(0.05)
    return False


def resize(w, h):
    tmux("resize-window", "-t", SESSION, "-x", str(w), "-y", str(h))


home = tempfile.mkdtemp(prefix="ce-fuzz-")
env = {"HOME": home, "XDG_DATA_HOME": f"{home}/data", "XDG_CONFIG_HOME": f"{home}/config",
       "XDG_CACHE_HOME": f"{home}/cache", "LANG": "C.UTF-8", "TERM": "tmux-256color"}
progress = f"{home}/p.yaml"
envs = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
W, H = random.randint(60, 200), random.randint(20, 60)


def launch():
    cmd = f"env {envs} {shlex.quote(BIN)} --progress {shlex.quote(progress)}; echo EXIT=$?; sleep 100000"
    tmux("kill-session", "-t", SESSION)
    tmux("new-session", "-d", "-s", SESSION, "-x", str(W), "-y", str(H), cmd)
    wait_for("career-explorer", 10)


KEYS = (["Up", "Down", "Left", "Right", "PageUp", "PageDown", "Home", "End", "Tab", "BTab", "Enter",
         "Escape", "Space", "BSpace", "DC", "F1", "F5", "C-a", "C-e", "C-u", "C-w", "C-h", "C-l", "M-x"]
        + list("hjklgGnpxsfirL+-/?1234") * 3 + list("abcdemotuvwyzABXYZ0567.,;:'\"!#$%&*()[]{}<>|_=~"))
WIDE = ["é", "中", "文", "😀", "👩‍💻"]
PASTES = ["two\nlines\tand a tab", "中文粘贴，全角。" * 20, "\x1b[31mred\x1b[0m \x1b]52;c;SGk=\x07",
          "👩‍💻🇨🇳" * 10, "x" * 5000, "right-to-left \u202e override", "", "\r\n\r\n", "q" * 50]
JUNK = [b"\x1b[", b"\x1b[<", b"\x1b[<65;", b"\x1b[1;5", b"\x1bO", b"\x1b[200~abc", b"\x1b[201~",
        b"\x1b[?1;2c", b"\x1b]11;rgb:0000/0000/0000\x07", b"\x1b[12;40R", b"\xff\xfe", b"\x1b\x1b\x1b"]
stats = {"seed": SEED, "events": 0, "keys": 0, "mouse": 0, "pastes": 0, "junk": 0, "resizes": 0,
         "probes": 0, "hangs": 0, "key_stalls": 0, "panics": 0, "exits_mid_run": 0}


def mouse_report():
    kind = random.choice([0, 1, 2, 64, 65, 32, 35, 0])
    x, y = random.randint(0, W + 5), random.randint(0, H + 5)
    if random.random() < 0.85:
        return f"\x1b[<{kind};{x + 1};{y + 1}{random.choice('Mm')}".encode()
    return b"\x1b[M" + bytes([32 + (kind & 0x43), min(33 + x, 255), min(33 + y, 255)])


def key_probe():
    for _ in range(3):
        tmux("send-keys", "-t", SESSION, "Escape")
    time.sleep(0.3)
    if "?/Esc" in screen():
        return False
    tmux("send-keys", "-t", SESSION, "?")
    if not wait_for("?/Esc", 2):
        return False
    tmux("send-keys", "-t", SESSION, "Escape")
    end = time.time() + 2
    while time.time() < end:
        if "?/Esc" not in screen():
            return True
        time.sleep(0.05)
    return False


def probes():
    global W, H
    stats["probes"] += 1
    pw, ph = random.choice([(41, 11), (43, 12), (47, 13), (52, 9)])
    resize(pw, ph)
    if not wait_for(f"{pw}x{ph} < 60x20", 5) and "EXIT=" not in screen():
        stats["hangs"] += 1
        print(f"HANG seed {SEED} event {stats['events']}:\n{screen()}", file=sys.stderr, flush=True)
    resize(100, 30)
    time.sleep(0.2)
    if not key_probe() and "EXIT=" not in screen():
        stats["key_stalls"] += 1
        print(f"KEY STALL seed {SEED} event {stats['events']}:\n{screen()}", file=sys.stderr, flush=True)
    W, H = random.randint(20, 250), random.randint(5, 80)
    resize(W, H)


def one_event():
    global W, H
    r = random.random()
    if r < 0.03:
        W, H = random.randint(20, 250), random.randint(5, 80)
        resize(W, H)
        stats["resizes"] += 1
    elif r < 0.35:
        send_bytes(b"".join(mouse_report() for _ in range(random.randint(1, 4))))
        stats["mouse"] += 1
    elif r < 0.38:
        tmux("load-buffer", "-b", "pb", "-", stdin=random.choice(PASTES))
        tmux("paste-buffer", "-p", "-b", "pb", "-t", SESSION, "-d")
        stats["pastes"] += 1
    elif r < 0.45:
        send_bytes(random.choice(JUNK))
        stats["junk"] += 1
    else:
        for _ in range(random.randint(1, 6)):
            if random.random() < 0.05:
                tmux("send-keys", "-t", SESSION, "-l", random.choice(WIDE))
            else:
                tmux("send-keys", "-t", SESSION, random.choice(KEYS))
            stats["keys"] += 1
            stats["events"] += 1
        return
    stats["events"] += 1


def main():
    launch()
    start, last_probe = time.time(), 0
    while stats["events"] < EVENTS:
        one_event()
        if random.random() < 0.3:
            time.sleep(random.uniform(0, 0.02))
        if stats["events"] - last_probe >= 250:
            last_probe = stats["events"]
            probes()
        s = screen()
        if "EXIT=" in s:
            code = s.split("EXIT=")[1].split()[0]
            stats["exits_mid_run"] += 1
            if code == "101" or "panicked" in s:
                stats["panics"] += 1
                print(f"PANIC seed {SEED}:\n{s}", file=sys.stderr, flush=True)
            launch()
    probes()
    for _ in range(3):
        tmux("send-keys", "-t", SESSION, "Escape")
    resize(100, 30)
    time.sleep(0.5)
    tmux("send-keys", "-t", SESSION, "q")
    if not wait_for("EXIT=", 3):
        tmux("send-keys", "-t", SESSION, "y")
        wait_for("EXIT=", 3)
    s = screen()
    stats["final_exit"] = s.split("EXIT=")[1].split()[0] if "EXIT=" in s else "none"
    flags = tmux("display", "-p", "-t", SESSION, "#{alternate_on} #{mouse_any_flag}").split()
    tty = tmux("display", "-p", "-t", SESSION, "#{pane_tty}").strip()
    modes = subprocess.run(["stty", "-F", tty, "-a"], capture_output=True, text=True).stdout
    cooked = all(f" {m}" in modes.replace("\n", " ") for m in ("icanon", "echo", "isig"))
    stats["terminal_restored"] = flags == ["0", "0"] and cooked
    try:
        if os.path.exists(progress):
            yaml.safe_load(open(progress, encoding="utf-8"))
        stats["progress_reads"] = True
    except yaml.YAMLError:
        stats["progress_reads"] = False
    stats["seconds"] = round(time.time() - start)
    print(json.dumps(stats), flush=True)


try:
    main()
finally:
    subprocess.run(["tmux", "-L", SOCKET, "kill-server"], capture_output=True)
