#!/usr/bin/env bash
# Fuzzes with libFuzzer: `bash scripts/fuzz.sh [SECONDS] [shell|manifest]`.
#   shell     the parser and interpreter: bytes typed into a fresh lab (seeds: Tests/Fixtures/fuzz-seeds)
#   manifest  manifest reading and admission (seeds: the YAML files under Tests/Fixtures)
# New interesting inputs go to fuzz-corpus/<target>/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
target=${2:-shell}
case "$target" in
    shell) product=FuzzShell; seeds=(Tests/Fixtures/fuzz-seeds) ;;
    manifest)
        product=FuzzManifest
        seeds=(fuzz-corpus/manifest-seeds)
        mkdir -p fuzz-corpus/manifest-seeds
        find Tests/Fixtures -name '*.yaml' -size -64k -exec cp {} fuzz-corpus/manifest-seeds/ \; ;;
    *) echo "usage: bash scripts/fuzz.sh [SECONDS] [shell|manifest]" >&2; exit 2 ;;
esac
bash scripts/ensure-deps.sh
(cd Fuzz && swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -DFUZZING --product "$product" >&2)
mkdir -p "fuzz-corpus/$target"
# Leak checking is off: Swift's once-initialised globals (the schema catalog, metadata caches)
# read as leaks at exit.
exec "Fuzz/.build/release/$product" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -detect_leaks=0 \
    -max_len=65536 "fuzz-corpus/$target" "${seeds[@]}"
