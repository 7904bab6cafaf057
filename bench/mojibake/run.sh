#!/usr/bin/env bash
# Scores the mojibake rule and its fix on the development benchmark, then prints detection throughput.
# Usage: bash bench/mojibake/run.sh [DATA.jsonl ...]   (default: ../shared/bench/mojibake/dev.jsonl)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
shared=${NOTES_SHARED:-$(cd "$repo/.." && pwd)/shared}
cd "$repo"
npx tsc -p packages/core >/dev/null
npx tsc -p packages/lint >/dev/null
data=("$@")
[ ${#data[@]} -gt 0 ] || data=("$shared/bench/mojibake/dev.jsonl")
python3 "$shared/tools/score-mojibake.py" "${data[@]}" --by-group --group-depth 2 -- node "$here/candidate.mjs"
node "$here/throughput.mjs" "$shared/corpora"
