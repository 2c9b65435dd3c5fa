#!/usr/bin/env bash
# Side-by-side parse throughput: VarSyn's HGVSParser against the Python-installable peers.
#
#   Benchmarks/run-parse-comparison.sh [options]
#
#   (a) generates the 100,000-string corpus with the fixed seed (shared/bench/peers/gen_corpus.py) and checks
#       its md5 against the one the peers' README gives
#   (b) builds parse-throughput (release) and runs it 3 times (5 timed passes each, single thread), for
#       `HGVSParser.parse(utf8:)` (the syntax tree) and for `HGVSParser.accepts(utf8:)` (accept/reject only,
#       what `varsyn parse --count` counts with)
#   (c) times `varsyn parse --count` over the expressions (one per line) with hyperfine, else /usr/bin/time;
#       skipped with a message if the subcommand does not exist yet
#   (d) runs the peers' run_parse_bench.py from $PEERS (default: null,ferro,weaver,pyhgvs,biocommons;
#       biocommons timed on the first 10,000 strings)
#   (e) prints one markdown table: peer, median strings/s, ratio (ours / peer), rejections
#
# Options:
#   --peers LIST          peers for run_parse_bench.py (default null,ferro,weaver,pyhgvs,biocommons)
#   --peers-only          only (a), (d), (e): no Swift build
#   --skip-peers          only (a), (b), (c), (e)
#   --skip-cli            skip (c)
#   --callgrind           also count instructions per string under valgrind --tool=callgrind (repeatable whatever
#                         else the machine is doing): ours on the first 10,000 strings (timed pass only), and the
#                         peers of --callgrind-peers as I(first 20,000) - I(first 10,000) of a whole bench_parse.py
#                         process, over 10,000 (biocommons: 1,000 and 2,000), so start-up and imports cancel out
#   --callgrind-peers L   peers counted by --callgrind (default null,ferro,weaver,pyhgvs; biocommons takes ~5 min)
#   --repeat N            runs per measurement (default 3)
#   --biocommons-limit N  strings timed for biocommons (default 10000; 0 = all 100,000, ~2.5 min per run)
#   --out DIR             keep everything in DIR (default: a temporary directory, kept and printed)
#
# Environment: PEERS (default $HOME/peers) holds the peers' venv, see shared/bench/peers/README.md;
# SHARED (default <repo>/../shared).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
shared="${SHARED:-$repo/../shared}"
if [ -d "$shared" ]; then shared="$(cd "$shared" && pwd)"; fi
peers_home="${PEERS:-$HOME/peers}"
peer_tools="$shared/bench/peers"

peer_list="null,ferro,weaver,pyhgvs,biocommons"
run_ours=1
run_peers=1
run_cli=1
run_callgrind=0
callgrind_peers="null,ferro,weaver,pyhgvs"
repeat=3
biocommons_limit=10000
out=""

die() { echo "error: $*" >&2; exit 1; }
note() { echo "==> $*" >&2; }

while [ $# -gt 0 ]; do
    case "$1" in
        --peers) peer_list="${2:?--peers needs a list}"; shift 2 ;;
        --peers-only) run_ours=0; run_cli=0; shift ;;
        --skip-peers) run_peers=0; shift ;;
        --skip-cli) run_cli=0; shift ;;
        --callgrind) run_callgrind=1; shift ;;
        --callgrind-peers) callgrind_peers="${2:?--callgrind-peers needs a list}"; shift 2 ;;
        --repeat) repeat="${2:?--repeat needs a number}"; shift 2 ;;
        --biocommons-limit) biocommons_limit="${2:?--biocommons-limit needs a number}"; shift 2 ;;
        --out) out="${2:?--out needs a directory}"; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option '$1' (see --help)" ;;
    esac
done
if [ "$run_callgrind" = 1 ] && ! command -v valgrind >/dev/null; then
    note "valgrind not installed (apt-get install valgrind): --callgrind ignored"
    run_callgrind=0
fi
callgrind_peers="null,ferro,weaver,pyhgvs"

[ -f "$peer_tools/gen_corpus.py" ] || die "peer harness not found at $peer_tools (set SHARED=/path/to/shared)"
command -v python3 >/dev/null || die "python3 is needed"

if [ -z "$out" ]; then
    out="$(mktemp -d "${TMPDIR:-/tmp}/varsyn-parse-comparison.XXXXXX")"
fi
mkdir -p "$out"
out="$(cd "$out" && pwd)"
note "results in $out"

# Peers' venv: checked first, so a missing one fails before any long build.
peers_py="$peers_home/venv/bin/python"
if [ "$run_peers" = 1 ] && [ ! -x "$peers_py" ]; then
    cat >&2 <<EOF
error: the peers' virtualenv is missing: $peers_py
Create it outside any git repository (about 1-10 minutes; see $peer_tools/README.md):
    export PEERS=$peers_home
    python3.11 -m venv "\$PEERS/venv"
    "\$PEERS/venv/bin/pip" install --upgrade pip
    for p in \$(grep -v '^#' $peer_tools/requirements.txt); do "\$PEERS/venv/bin/pip" install "\$p"; done
or run with --skip-peers (our numbers only), or set PEERS to where the venv is.
EOF
    exit 1
fi

# (a) corpus ------------------------------------------------------------------------------------------------
corpus="$out/corpus.tsv"
expected_md5="$(grep -o 'Corpus md5 `[0-9a-f]\{32\}`' "$peer_tools/README.md" | grep -o '[0-9a-f]\{32\}' || true)"
[ -n "$expected_md5" ] || die "could not read the corpus md5 from $peer_tools/README.md"
note "(a) generating the corpus (100,000 strings, fixed seed)"
python3 "$peer_tools/gen_corpus.py" -n 100000 -o "$corpus"
actual_md5="$(md5sum "$corpus" | cut -d' ' -f1)"
if [ "$actual_md5" != "$expected_md5" ]; then
    die "corpus md5 $actual_md5 differs from $expected_md5 in $peer_tools/README.md: not the corpus the peers were measured on"
fi
note "    corpus md5 $actual_md5 matches the peers' README"
cut -f2 "$corpus" > "$out/expressions.txt"

# (b) our parser, parse-throughput --------------------------------------------------------------------------
ours_status="not run"
throughput_bin=""
if [ "$run_ours" = 1 ]; then
    note "(b) building parse-throughput (release); log: $out/build-benchmarks.log"
    # One retry: seen here, an incremental build right after a merge that added files to the root package failed
    # on a symbol from a new file, and the next build went through.
    if (cd "$here" && swift build -c release --product parse-throughput) > "$out/build-benchmarks.log" 2>&1 \
        || (cd "$here" && swift build -c release --product parse-throughput) >> "$out/build-benchmarks.log" 2>&1; then
        throughput_bin="$(cd "$here" && swift build -c release --show-bin-path)/parse-throughput"
        for i in $(seq 1 "$repeat"); do
            "$throughput_bin" --corpus "$corpus" --passes 5 > "$out/ours.run$i.json"
            "$throughput_bin" --corpus "$corpus" --passes 5 --accepts > "$out/accepts.run$i.json"
            "$throughput_bin" --corpus "$corpus" --passes 5 --compact > "$out/compact.run$i.json"
            note "    run $i: $(python3 -c 'import json, sys
d, a, c = (json.load(open(path)) for path in sys.argv[1:4])
print("parse {:,.0f} strings/s, {} failures; accepts {:,.0f} strings/s, {} rejected; parseCompact {:,.0f}".format(
    d["strings_per_second_median"], d["failures"], a["strings_per_second_median"], a["failures"],
    c["strings_per_second_median"]))' \
                "$out/ours.run$i.json" "$out/accepts.run$i.json" "$out/compact.run$i.json")"
        done
        ours_status="ok"
    else
        ours_status="build failed (see $out/build-benchmarks.log)"
        note "    our parser did not build; our rows are left out. Last lines of the log:"
        tail -n 15 "$out/build-benchmarks.log" >&2
    fi
fi

# optional: callgrind instruction counts on a fixed 10,000-string slice -------------------------------------
if [ "$run_callgrind" = 1 ] && [ -n "$throughput_bin" ]; then
    note "callgrind: our instructions per string over the first 10,000 strings (timed pass only)"
    valgrind --tool=callgrind --toggle-collect='*varsynTimedPass*' \
        --callgrind-out-file="$out/callgrind.out.parse" \
        "$throughput_bin" --corpus "$corpus" --limit 10000 --passes 1 \
        > "$out/callgrind.json" 2> "$out/callgrind.log"
    # "totals:" (or "summary:") is the instruction count of the collected part, i.e. the timed pass.
    awk '/^(totals|summary):/ {print $2; exit}' "$out/callgrind.out.parse" > "$out/callgrind.instructions"
    note "    $(cat "$out/callgrind.instructions") instructions for 10,000 strings"
    valgrind --tool=callgrind --toggle-collect='*varsynTimedPass*' \
        --callgrind-out-file="$out/callgrind.out.accepts" \
        "$throughput_bin" --corpus "$corpus" --limit 10000 --passes 1 --accepts \
        > "$out/callgrind-accepts.json" 2> "$out/callgrind-accepts.log"
    awk '/^(totals|summary):/ {print $2; exit}' "$out/callgrind.out.accepts" > "$out/callgrind.accepts.instructions"
    note "    accepts: $(cat "$out/callgrind.accepts.instructions") instructions for 10,000 strings"
    valgrind --tool=callgrind --toggle-collect='*varsynTimedPass*' \
        --callgrind-out-file="$out/callgrind.out.compact" \
        "$throughput_bin" --corpus "$corpus" --limit 10000 --passes 1 --compact \
        > "$out/callgrind-compact.json" 2> "$out/callgrind-compact.log"
    awk '/^(totals|summary):/ {print $2; exit}' "$out/callgrind.out.compact" > "$out/callgrind.compact.instructions"
    note "    parseCompact: $(cat "$out/callgrind.compact.instructions") instructions for 10,000 strings"
fi

# (c) varsyn parse --count ----------------------------------------------------------------------------------
cli_status="not run"
if [ "$run_cli" = 1 ]; then
    note "(c) building varsyn (release); log: $out/build-varsyn.log"
    if (cd "$repo" && swift build -c release --product varsyn) > "$out/build-varsyn.log" 2>&1; then
        varsyn="$(cd "$repo" && swift build -c release --show-bin-path)/varsyn"
        # A command without the subcommand answers `parse --help` with its own help: look for --count.
        "$varsyn" parse --help > "$out/varsyn-parse-help.txt" 2>&1 || true
        if ! grep -q -- '--count' "$out/varsyn-parse-help.txt"; then
            cli_status="skipped: \`varsyn parse --count\` does not exist yet (\`varsyn parse --help\` does not mention --count)"
            note "    $cli_status"
        else
            # Positional arguments are expressions, so the file goes through --input when the command has it,
            # else through standard input (read when there are no arguments).
            if grep -q -- '--input' "$out/varsyn-parse-help.txt"; then
                cli_command="'$varsyn' parse --count --input '$out/expressions.txt'"
            else
                cli_command="'$varsyn' parse --count < '$out/expressions.txt'"
            fi
            bash -c "$cli_command" > "$out/varsyn-count.txt" 2> "$out/varsyn-count.err" || true
            if ! grep -q 'parsed' "$out/varsyn-count.txt"; then
                cli_status="skipped: \`varsyn parse --count\` printed no 'N parsed, M failed' line (see $out/varsyn-count.*)"
                note "    $cli_status"
            else
                note "    $cli_command -> $(cat "$out/varsyn-count.txt")"
                counted="$(grep -o '[0-9]* parsed, [0-9]* failed' "$out/varsyn-count.txt" | awk '{print $1 + $3}')"
                lines="$(wc -l < "$out/expressions.txt")"
                if [ "$counted" != "$lines" ]; then
                    note "    warning: varsyn counted $counted expressions, the file has $lines lines"
                fi
                if command -v hyperfine >/dev/null; then
                    note "    timing with hyperfine, $repeat runs"
                    hyperfine --runs "$repeat" --warmup 1 --ignore-failure --export-json "$out/varsyn-hyperfine.json" \
                        --output=null --shell=bash "$cli_command" >&2 || true
                else
                    note "    hyperfine not installed (apt-get install hyperfine); timing with /usr/bin/time, $repeat runs"
                    for i in $(seq 1 "$repeat"); do
                        /usr/bin/time -f '%e' -o "$out/varsyn-time.run$i" bash -c "$cli_command > /dev/null 2>&1" || true
                    done
                fi
                cli_status="ok"
            fi
        fi
    else
        cli_status="skipped: varsyn did not build (see $out/build-varsyn.log)"
        note "    $cli_status"
    fi
fi

# (d) peers -------------------------------------------------------------------------------------------------
if [ "$run_peers" = 1 ]; then
    limit_args=()
    if [ "$biocommons_limit" != 0 ] && [[ ",$peer_list," == *",biocommons,"* ]]; then
        if grep -q -- '--limit-for' "$peer_tools/run_parse_bench.py"; then
            limit_args=(--limit-for "biocommons=$biocommons_limit")
        else
            note "    run_parse_bench.py has no --limit-for: biocommons runs over all 100,000 strings"
        fi
    fi
    note "(d) peers: $peer_list, $repeat fresh processes each (biocommons alone takes about a minute)"
    PEERS_PY="$peers_py" python3 "$peer_tools/run_parse_bench.py" "$corpus" "$out/peers" \
        --peers "$peer_list" --repeat "$repeat" "${limit_args[@]}" > "$out/peers.log" 2>&1 \
        || { tail -n 20 "$out/peers.log" >&2; die "run_parse_bench.py failed (log: $out/peers.log)"; }
fi

# optional: callgrind on the peers, whole processes at two corpus sizes --------------------------------------
if [ "$run_callgrind" = 1 ] && [ "$run_peers" = 1 ] && [ -n "$callgrind_peers" ]; then
    mkdir -p "$out/callgrind-peers"
    for peer in ${callgrind_peers//,/ }; do
        small=10000; large=20000
        if [ "$peer" = biocommons ] || [ "$peer" = mutalyzer ]; then small=1000; large=2000; fi
        note "callgrind: $peer, whole process at $small and $large strings"
        for n in "$small" "$large"; do
            # a fixed hash seed: Python's per-process random one moves the count by 1-2%
            PYTHONHASHSEED=0 valgrind --tool=callgrind --callgrind-out-file="$out/callgrind-peers/$peer.$n.out" \
                "$peers_py" "$peer_tools/bench_parse.py" "$peer" "$corpus" --limit "$n" \
                > "$out/callgrind-peers/$peer.$n.json" 2> "$out/callgrind-peers/$peer.$n.log" \
                || die "callgrind of $peer failed (log: $out/callgrind-peers/$peer.$n.log)"
        done
        i_small="$(awk '/^(totals|summary):/ {print $2; exit}' "$out/callgrind-peers/$peer.$small.out")"
        i_large="$(awk '/^(totals|summary):/ {print $2; exit}' "$out/callgrind-peers/$peer.$large.out")"
        echo "$peer $small $i_small $large $i_large" >> "$out/callgrind-peers/summary.txt"
    done
fi

# (e) one table ---------------------------------------------------------------------------------------------
python3 - "$out" "$ours_status" "$cli_status" "$repeat" <<'PY' | tee "$out/comparison.md"
import glob, json, os, statistics, sys

out, ours_status, cli_status, repeat = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
rows = []  # (name, version, strings timed, strings/s, runs, rejections)

ours_runs = sorted(glob.glob(os.path.join(out, "ours.run*.json")))
ours_rate = None
if ours_runs:
    data = [json.load(open(p)) for p in ours_runs]
    rates = [d["strings_per_second_median"] for d in data]
    ours_rate = statistics.median(rates)
    rows.append(("VarSyn `HGVSParser.parse(utf8:)` (parse-throughput, lenient)", "this tree", data[0]["strings"],
                 ours_rate, rates, data[0]["failures"]))
accepts_runs = sorted(glob.glob(os.path.join(out, "accepts.run*.json")))
if accepts_runs:
    data = [json.load(open(p)) for p in accepts_runs]
    rates = [d["strings_per_second_median"] for d in data]
    rows.append(("VarSyn `HGVSParser.accepts(utf8:)` (parse-throughput --accepts, lenient)", "this tree",
                 data[0]["strings"], statistics.median(rates), rates, data[0]["failures"]))

hf = os.path.join(out, "varsyn-hyperfine.json")
times = []
cpu_note = ""
if os.path.exists(hf):
    result = json.load(open(hf))["results"][0]
    times = result["times"]
    cpu_note = (f"`varsyn parse --count` (hyperfine): mean wall {result['mean']:.3f} s, "
                f"mean user {result['user']:.3f} s + system {result['system']:.3f} s CPU "
                "(CPU above wall means more than one thread).")
else:
    for p in sorted(glob.glob(os.path.join(out, "varsyn-time.run*"))):
        try:
            times.append(float(open(p).read().split()[-1]))
        except (ValueError, IndexError):
            pass
if times:
    n = sum(1 for _ in open(os.path.join(out, "expressions.txt")))
    count_line = open(os.path.join(out, "varsyn-count.txt")).read().strip()
    failed = "?"
    for part in count_line.replace(",", " ,").split(","):
        words = part.split()
        if len(words) >= 2 and words[1] == "failed":
            failed = words[0]
    rows.append(("VarSyn `varsyn parse --count` (whole process)", "this tree", n,
                 n / statistics.median(times), [n / t for t in times], failed))

summary = os.path.join(out, "peers", "summary.json")
names = {
    "null": "harness only (`null`, a Python call per string)",
    "ferro": "ferro-hgvs `parse`",
    "ferro-batch": "ferro-hgvs `BatchProcessor.parse(workers=1)`",
    "weaver": "hgvs-weaver `parse`",
    "pyhgvs": "pyhgvs `HGVSName`",
    "biocommons": "biocommons hgvs `Parser().parse_hgvs_variant`",
    "mutalyzer": "mutalyzer-hgvs-parser `to_model`",
    "tinyhgvs": "tinyhgvs `parse_hgvs`",
}
if os.path.exists(summary):
    for s in json.load(open(summary)):
        rows.append((names.get(s["peer"], s["peer"]), s["version"], s["n"], s["median_per_second"],
                     s["runs_per_second"], s["rejected"]))

print()
print(f"| parser | version | strings timed | median strings/s | runs (strings/s) | ratio ours / it | rejected |")
print("|---|---|---:|---:|---|---:|---:|")
for name, version, n, rate, runs, rejected in rows:
    ratio = f"{ours_rate / rate:,.2f}x" if ours_rate else "n/a"
    run_text = ", ".join(f"{r:,.0f}" for r in runs)
    print(f"| {name} | {version} | {n:,} | {rate:,.0f} | {run_text} | {ratio} | {rejected} |")
print()
print(f"Median of {repeat} fresh processes per row; ours: median over runs of the median of 5 timed passes.")
if ours_rate is None:
    print(f"Our parser: {ours_status}.")
print(f"`varsyn parse --count`: {cli_status}.")
if cpu_note:
    print(cpu_note)
ci = os.path.join(out, "callgrind.instructions")
if os.path.exists(ci) and open(ci).read().strip():
    total = int(open(ci).read().strip())
    print(f"callgrind: {total:,} instructions for the first 10,000 strings = {total / 10000:,.0f} instructions/string.")
ca = os.path.join(out, "callgrind.accepts.instructions")
if os.path.exists(ca) and open(ca).read().strip():
    total = int(open(ca).read().strip())
    print(f"callgrind, accepts: {total:,} instructions for the first 10,000 strings = {total / 10000:,.0f} instructions/string.")
cp = os.path.join(out, "callgrind-peers", "summary.txt")
if os.path.exists(cp):
    ours_i = None
    if os.path.exists(ci) and open(ci).read().strip():
        ours_i = int(open(ci).read().strip()) / 10000
    per = {}
    for line in open(cp):
        peer, small, i_small, large, i_large = line.split()
        per[peer] = (int(i_large) - int(i_small)) / (int(large) - int(small))
    null = per.get("null")
    print()
    print("Instructions per string under callgrind (repeatable; Python rows: whole process, (I(large) - I(small)) / strings):")
    print()
    print("| parser | instructions/string | net of the harness (`null`) | ratio it / ours (net) |")
    print("|---|---:|---:|---:|")
    if ours_i is not None:
        print(f"| VarSyn `HGVSParser.parse(utf8:)` (timed pass only) | {ours_i:,.0f} | {ours_i:,.0f} | 1.00x |")
    ca = os.path.join(out, "callgrind.accepts.instructions")
    if ours_i is not None and os.path.exists(ca) and open(ca).read().strip():
        accepts_i = int(open(ca).read().strip()) / 10000
        print(f"| VarSyn `HGVSParser.accepts(utf8:)` (timed pass only) | {accepts_i:,.0f} | {accepts_i:,.0f} | "
              f"{accepts_i / ours_i:,.2f}x |")
    for peer, value in per.items():
        net = value - null if null is not None and peer != "null" else None
        net_text = f"{net:,.0f}" if net is not None else "-"
        ratio = f"{net / ours_i:,.2f}x" if net is not None and ours_i else "n/a"
        print(f"| {names.get(peer, peer)} | {value:,.0f} | {net_text} | {ratio} |")
print()
print(f"Machine: {os.cpu_count()} cores; load average at the end {open('/proc/loadavg').read().split()[:3]}.")
PY
note "table saved to $out/comparison.md"
