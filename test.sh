#!/usr/bin/env bash
# Runs every test: unit, differential (against this machine's bash and coreutils), and the
# tmux-driven REPL tests.
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/ensure-deps.sh
swift build --build-tests
swift test --skip-build "$@"
