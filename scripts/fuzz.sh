#!/usr/bin/env bash
# Fuzzes the shell parser and interpreter with libFuzzer: `bash scripts/fuzz.sh [SECONDS]`.
# Seeds come from Tests/Fixtures/fuzz-seeds; new interesting inputs go to fuzz-corpus/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
bash scripts/ensure-deps.sh
(cd Fuzz && swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --product FuzzShell >&2)
mkdir -p fuzz-corpus
exec Fuzz/.build/release/FuzzShell -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
    -max_len=65536 fuzz-corpus Tests/Fixtures/fuzz-seeds
