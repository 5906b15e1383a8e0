#!/usr/bin/env bash
# Runs every test: unit, differential (against this machine's bash and coreutils), and the
# tmux-driven REPL tests. A run that goes past CKALAB_TEST_LIMIT seconds (default 1500) is
# stopped, and the tests still running are named.
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/ensure-deps.sh
swift build --build-tests
limit="${CKALAB_TEST_LIMIT:-1500}"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
set +e
timeout --kill-after=30 "$limit" swift test --skip-build "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
    echo "test.sh: the tests ran past ${limit} s and were stopped. Started but not finished:" >&2
    sed -n '/^◇ Test case /d; s/^◇ Test \(.*\) started\.$/\1/p' "$log" | sort -u >"$log.started"
    sed -n 's/ with [0-9]* test cases / /; s/^[✔✘━] Test \(.*\) \(passed\|failed\) .*/\1/p' "$log" | sort -u >"$log.ended"
    comm -23 "$log.started" "$log.ended" | sed 's/^/  /' >&2
    rm -f "$log.started" "$log.ended"
fi
exit "$status"
