#!/bin/bash
# Runs the pseudo-terminal suites (the `pty` test binary: tests/pty/e2e_pty.rs
# and tests/pty/progress_cases.rs) N times in a row (default 30) and prints
# "N passed, M failed" on its last line; a run that fails keeps its log as
# repeat-pty-RUN.log in $LOGDIR (default: a temporary folder).
# A flaky test shows up here long before it bites someone else.
# Usage: tests/repeat-pty.sh [N]     (honours CARGO_TARGET_DIR)
set -u
N=${1:-30}
cd "$(dirname "$0")/.." || exit 2
LOGDIR=${LOGDIR:-$(mktemp -d)}
# Build once, outside the count.
cargo test --test pty --no-run >"$LOGDIR/build.log" 2>&1 || {
    echo "build failed: $LOGDIR/build.log"
    exit 2
}
passed=0
failed=0
for run in $(seq 1 "$N"); do
    log="$LOGDIR/repeat-pty-$run.log"
    if cargo test --test pty >"$log" 2>&1; then
        passed=$((passed + 1))
        rm -f "$log"
    else
        failed=$((failed + 1))
        echo "run $run failed: $log"
    fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
