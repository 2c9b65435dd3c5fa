#!/usr/bin/env bash
# Deterministic performance budget of the HGVS parser: numbers that do not move with machine load, so a check can
# fail on them without flaking.
#
#   Benchmarks/check-parse-budget.sh [--max-instructions N] [--max-accept-instructions N]
#                                    [--max-compact-instructions N] [--max-mallocs-per-1000 N]
#
#   1. instructions per string under valgrind --tool=callgrind, timed pass of parse-throughput over the first
#      10,000 corpus strings (lenient): fails above --max-instructions (default 1290: 1,032 measured 2026-11-22
#      on branch parser-lane3, plus 25%)
#   1b. the same for `HGVSParser.accepts(utf8:)` (parse-throughput --accepts, what `varsyn parse --count` runs):
#      fails above --max-accept-instructions (default 319: 255 measured 2026-11-22
#      on branch parser-lane3, plus 25%)
#   1c. the same for `HGVSParser.parseCompact(utf8:)` (parse-throughput --compact): fails above
#      --max-compact-instructions (default 400: 320 measured 2026-11-22 on branch parser-lane3, plus 25%)
#   2. mallocs of `Parse substitution utf8 (NM_003156.4:c.494C>T)` (ordo-one, exact count per 1,000 parses):
#      fails above --max-mallocs-per-1000 (default 0: the target is no allocation for a simple substitution)
#
# Needs the corpus ($VARSYN_CORPUS, default /tmp/varsyn-corpus.tsv; generated if missing) and valgrind.
# Exit status: 0 within budget, 1 over budget, 2 could not measure.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
shared="${SHARED:-$here/../../shared}"
corpus="${VARSYN_CORPUS:-/tmp/varsyn-corpus.tsv}"
max_instructions=1290
max_accept_instructions=319
max_compact_instructions=400
max_mallocs=0

while [ $# -gt 0 ]; do
    case "$1" in
        --max-instructions) max_instructions="${2:?}"; shift 2 ;;
        --max-accept-instructions) max_accept_instructions="${2:?}"; shift 2 ;;
        --max-compact-instructions) max_compact_instructions="${2:?}"; shift 2 ;;
        --max-mallocs-per-1000) max_mallocs="${2:?}"; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "error: unknown option '$1' (see --help)" >&2; exit 2 ;;
    esac
done

fail() { echo "error: $*" >&2; exit 2; }
command -v valgrind >/dev/null || fail "valgrind is needed (apt-get install valgrind)"
if [ ! -f "$corpus" ]; then
    [ -f "$shared/bench/peers/gen_corpus.py" ] || fail "no corpus at $corpus and no generator under $shared"
    python3 "$shared/bench/peers/gen_corpus.py" -n 100000 -o "$corpus"
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/varsyn-budget.XXXXXX")"
cd "$here"

swift build -c release --product parse-throughput > "$work/build.log" 2>&1 \
    || swift build -c release --product parse-throughput >> "$work/build.log" 2>&1 \
    || { tail -n 20 "$work/build.log" >&2; fail "parse-throughput did not build (log: $work/build.log)"; }
bin="$(swift build -c release --show-bin-path)/parse-throughput"

valgrind --tool=callgrind --toggle-collect='*varsynTimedPass*' --callgrind-out-file="$work/callgrind.out" \
    "$bin" --corpus "$corpus" --limit 10000 --passes 1 > "$work/callgrind.json" 2> "$work/callgrind.log" \
    || fail "callgrind run failed (log: $work/callgrind.log)"
total="$(awk '/^(totals|summary):/ {print $2; exit}' "$work/callgrind.out")"
[ -n "$total" ] || fail "no instruction total in $work/callgrind.out"
per_string=$(( (total + 5000) / 10000 ))

valgrind --tool=callgrind --toggle-collect='*varsynTimedPass*' --callgrind-out-file="$work/callgrind-accepts.out" \
    "$bin" --corpus "$corpus" --limit 10000 --passes 1 --accepts > "$work/callgrind-accepts.json" \
    2> "$work/callgrind-accepts.log" || fail "callgrind run (--accepts) failed (log: $work/callgrind-accepts.log)"
accept_total="$(awk '/^(totals|summary):/ {print $2; exit}' "$work/callgrind-accepts.out")"
[ -n "$accept_total" ] || fail "no instruction total in $work/callgrind-accepts.out"
accept_per_string=$(( (accept_total + 5000) / 10000 ))

valgrind --tool=callgrind --toggle-collect='*varsynTimedPass*' --callgrind-out-file="$work/callgrind-compact.out" \
    "$bin" --corpus "$corpus" --limit 10000 --passes 1 --compact > "$work/callgrind-compact.json" \
    2> "$work/callgrind-compact.log" || fail "callgrind run (--compact) failed (log: $work/callgrind-compact.log)"
compact_total="$(awk '/^(totals|summary):/ {print $2; exit}' "$work/callgrind-compact.out")"
[ -n "$compact_total" ] || fail "no instruction total in $work/callgrind-compact.out"
compact_per_string=$(( (compact_total + 5000) / 10000 ))

swift package benchmark --no-progress --scale --format markdown --metric mallocCountTotal \
    --filter 'Parse substitution utf8.*' > "$work/mallocs.md" 2> "$work/mallocs.log" \
    || fail "swift package benchmark failed (log: $work/mallocs.log)"
# The "Malloc (total)" row; with --scale its figures are per iteration of 1,000 parses. Column 8 is p100.
mallocs="$(awk -F'|' '/Malloc \(total\)/ {gsub(/ /, "", $9); print $9; exit}' "$work/mallocs.md")"
[ -n "$mallocs" ] || fail "no 'Malloc (total)' row in $work/mallocs.md"

status=0
echo "instructions per string (first 10,000 strings): $per_string (budget $max_instructions)"
[ "$per_string" -le "$max_instructions" ] || { echo "  OVER BUDGET"; status=1; }
echo "instructions per string, accepts (first 10,000 strings): $accept_per_string (budget $max_accept_instructions)"
[ "$accept_per_string" -le "$max_accept_instructions" ] || { echo "  OVER BUDGET"; status=1; }
echo "instructions per string, parseCompact (first 10,000 strings): $compact_per_string (budget $max_compact_instructions)"
[ "$compact_per_string" -le "$max_compact_instructions" ] || { echo "  OVER BUDGET"; status=1; }
echo "mallocs per 1,000 parses of NM_003156.4:c.494C>T (p100): $mallocs (budget $max_mallocs)"
[ "$mallocs" -le "$max_mallocs" ] || { echo "  OVER BUDGET"; status=1; }
rm -rf "$work"
exit "$status"
