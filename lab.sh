#!/usr/bin/env bash
# Starts ckalab (building it first). Arguments go to ckalab: `bash lab.sh run --echo demo.sh`.
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/ensure-deps.sh
swift build -c release --product ckalab >&2
exec .build/release/ckalab "$@"
