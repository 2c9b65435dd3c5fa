#!/usr/bin/env bash
# Normalize / map side by side with the peers, on the same synthetic reference, in one run.
#
#   PEERS=$HOME/peers Benchmarks/run-map-comparison.sh [--skip-peers] [--out DIR] [--compare-only] [--callgrind]
#   (VARSYN=path/to/varsyn: use that release binary instead of building one)
#
# 1. ../shared/bench/peers/make_reference.py writes the synthetic reference (200 transcripts on a random contig
#    named NC_000011.10, half on the minus strand; 20,000 c. variants, 10,000 p. missense; fixed seed).
# 2. `varsyn table build` imports its cdot JSON (+ the transcript sequences) into a table.
# 3. Ours, one thread: `varsyn normalize --bench 3` on the c. variants (parse, normalize key only through the fast
#    path and through the general path, all forms, c. -> g. projection, projection + p. consequence, text in -> all
#    forms out, text in -> the normalized c. text only (`ctext`, what ferro's normalize answers; its ratio to ferro is
#    printed under the table), and the streaming API: text bytes in -> c. text or key appended to a TextList
#    (`ctext-stream`, `key-stream`)) and on the p. variants (parse, back-translation text -> c. texts, back-translation + normalize).
#    --callgrind also counts instructions per input of each pass under valgrind (repeatable on a shared machine):
#    one pass each, and for key, ctext, key-stream and ctext-stream also the steady cost of a further pass
#    ((I(3 passes) - I(1 pass)) / 2N).
# 4. The peers: run_map_bench.py (weaver normalize/c_to_g/c_to_p/p_to_c, ferro normalize/project, biocommons on
#    the first 2,000, pyhgvs c_to_g), 3 fresh processes each, from $PEERS/venv.
# 5. Agreement of our answers with the peers' (hgvs_c vs normalize, hgvs_g vs c_to_g, hgvs_p vs c_to_p, and our
#    back-translated c. vs p_to_c).
# Figures are medians; the machine is shared, so compare rows of one run.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
shared="${SHARED:-$root/../shared}"
peers_dir="$shared/bench/peers"
skip_peers=0
compare_only=0
callgrind=0
out=""
while [ $# -gt 0 ]; do
    case "$1" in
        --skip-peers) skip_peers=1; shift ;;
        --compare-only) compare_only=1; shift ;;
        --callgrind) callgrind=1; shift ;;
        --out) out="${2:?}"; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "error: unknown option '$1' (see --help)" >&2; exit 2 ;;
    esac
done
[ -f "$peers_dir/make_reference.py" ] || { echo "error: no peers harness under $peers_dir" >&2; exit 2; }
out="${out:-$(mktemp -d "${TMPDIR:-/tmp}/varsyn-map.XXXXXX")}"
mkdir -p "$out"
say() { echo "==> $*" >&2; }

say "results in $out"
if [ "$compare_only" -eq 0 ]; then
say "(1) synthetic reference"
python3 "$peers_dir/make_reference.py" "$out/ref" > "$out/make_reference.log" 2>&1
python3 - "$out/ref" <<'PY'
import json, sys
d = sys.argv[1]
t = json.load(open(f"{d}/ferro_transcripts.json"))
json.dump({x["id"]: x["sequence"] for x in t["transcripts"]}, open(f"{d}/cdot_transcript_sequences.json", "w"))
PY
cut -f2 "$out/ref/variants.tsv" > "$out/c.txt"
cut -f2 "$out/ref/protein_variants.tsv" > "$out/p.txt"

if [ -n "${VARSYN:-}" ]; then
    say "(2) the table (varsyn: $VARSYN, not rebuilt)"
    varsyn="$VARSYN"
else
say "(2) building varsyn (release) and the table"
(cd "$root" && swift build -c release --product varsyn > "$out/build.log" 2>&1) \
    || (cd "$root" && swift build -c release --product varsyn >> "$out/build.log" 2>&1) \
    || { tail -20 "$out/build.log" >&2; exit 2; }
varsyn="$(cd "$root" && swift build -c release --show-bin-path)/varsyn"
fi
"$varsyn" table build --out "$out/syn.vstable" "$out/ref/cdot.json" "$out/ref/cdot_transcript_sequences.json" \
    > "$out/table.log" 2>&1

say "(3) ours, one thread"
c_passes=parse,key,key-general,all,project,project-general,project-p,project-p-stream,project-p-text-stream,text,ctext
c_passes=$c_passes,ctext-general,ctext-stream,key-stream
p_passes=parse,backtranslate,backtranslate-stream,text
"$varsyn" normalize --table "$out/syn.vstable" --input "$out/c.txt" --bench 3 --bench-pass "$c_passes" \
    > /dev/null 2> "$out/ours-c.bench" || true
"$varsyn" normalize --table "$out/syn.vstable" --input "$out/p.txt" --bench 3 --bench-pass "$p_passes" \
    > /dev/null 2> "$out/ours-p.bench" || true
if [ "$callgrind" -eq 1 ]; then
    command -v valgrind > /dev/null || { echo "error: --callgrind needs valgrind" >&2; exit 2; }
    say "(3b) instructions per input under callgrind (one pass each; includes preparing each transcript once)"
    # valgrind cannot read the debug info of the binary with the embedded table: count a copy without it.
    strip -g -o "$out/varsyn.nodebug" "$varsyn"
    : > "$out/callgrind.txt"
    for spec in c:parse c:key c:key-general c:all c:project c:project-general c:project-p c:project-p-stream \
        c:project-p-text-stream c:ctext c:ctext-general c:ctext-stream c:key-stream p:parse p:backtranslate \
        p:backtranslate-stream p:text; do
        input="$out/${spec%%:*}.txt"
        pass="${spec#*:}"
        valgrind --tool=callgrind --toggle-collect='*varsynBenchPass*' --callgrind-out-file="$out/cg.$spec" \
            "$out/varsyn.nodebug" normalize --table "$out/syn.vstable" --input "$input" --bench 1 --bench-pass "$pass" \
            > /dev/null 2> "$out/cg.$spec.log" || true
        total="$(awk '/^(totals|summary):/ {print $2; exit}' "$out/cg.$spec")"
        echo "$spec $total $(wc -l < "$input")" >> "$out/callgrind.txt"
    done
    : > "$out/callgrind-steady.txt"
    for spec in c:key c:ctext c:key-stream c:ctext-stream c:project-p c:project-p-stream p:backtranslate \
        p:backtranslate-stream; do
        input="$out/${spec%%:*}.txt"
        pass="${spec#*:}"
        valgrind --tool=callgrind --toggle-collect='*varsynBenchPass*' --callgrind-out-file="$out/cg3.$spec" \
            "$out/varsyn.nodebug" normalize --table "$out/syn.vstable" --input "$input" --bench 3 --bench-pass "$pass" \
            > /dev/null 2> "$out/cg3.$spec.log" || true
        one="$(awk '/^(totals|summary):/ {print $2; exit}' "$out/cg.$spec")"
        three="$(awk '/^(totals|summary):/ {print $2; exit}' "$out/cg3.$spec")"
        echo "$spec $(( (three - one) / 2 )) $(wc -l < "$input")" >> "$out/callgrind-steady.txt"
    done
fi
"$varsyn" normalize --table "$out/syn.vstable" --input "$out/c.txt" --format tsv > "$out/ours-c.tsv" || true
"$varsyn" normalize --table "$out/syn.vstable" --input "$out/p.txt" --format tsv > "$out/ours-p.tsv" || true

if [ "$skip_peers" -eq 0 ]; then
    peers="${PEERS:-}"
    [ -n "$peers" ] && [ -x "$peers/venv/bin/python" ] || {
        echo "error: set PEERS to the peers' directory with venv/ (see $peers_dir/README.md), or --skip-peers" >&2
        exit 2
    }
    say "(4) peers (3 fresh processes each; biocommons on the first 2,000)"
    PEERS_PY="$peers/venv/bin/python" python3 "$peers_dir/run_map_bench.py" "$out/ref" "$out/map" \
        --limit-for biocommons=2000 > "$out/peers.log" 2>&1 || { tail -20 "$out/peers.log" >&2; exit 2; }
fi

fi

say "(5) table"
python3 - "$out" <<'PY'
import json, os, re, sys
out = sys.argv[1]

def bench(path):
    rates = {}
    for line in open(path):
        m = re.match(r"(.+?): (\d+) /s", line.strip())
        if m:
            rates[m.group(1)] = int(m.group(2))
    return rates

c, p = bench(f"{out}/ours-c.bench"), bench(f"{out}/ours-p.bench")
rows = [("VarSyn", "parse c. (share of the text rows)", c.get("parse")),
        ("VarSyn", "normalize (key only, parsed)", c.get("normalize parsed, key only")),
        ("VarSyn", "normalize (key only, parsed, general path)", c.get("normalize parsed, key only, general path")),
        ("VarSyn", "normalize (every form, parsed)", c.get("normalize parsed, all forms")),
        ("VarSyn", "normalize text in -> every form out", c.get("parse + normalize text, all forms")),
        ("VarSyn", "normalize text in -> normalized c. text out (ferro's normalize)",
         c.get("parse + normalize text, c. text only")),
        ("VarSyn", "normalize text in -> normalized c. text out, general path",
         c.get("parse + normalize text, c. text only, general path")),
        ("VarSyn", "stream text in -> normalized c. text appended to a TextList (ctext-stream)",
         c.get("stream text in -> c. text (TextList)")),
        ("VarSyn", "stream text in -> key appended to a TextList (key-stream)", c.get("stream text in -> key (TextList)")),
        ("VarSyn", "c. -> g. projection (parsed)", c.get("c. -> g. projection of parsed")),
        ("VarSyn", "c. -> g. projection (parsed, general path)", c.get("c. -> g. projection of parsed, general path")),
        ("VarSyn", "c. -> g. projection + p. text (parsed)",
         c.get("c. -> g. projection + p. consequence text of parsed")),
        ("VarSyn", "c. -> g. projection + p. text (parsed), streamed (CodingProjector, TextList)",
         c.get("c. -> g. projection + p. text of parsed, streamed")),
        ("VarSyn", "c. -> g. projection + p. text (text in), streamed (CodingProjector, TextList)",
         c.get("c. -> g. projection + p. text, text in, streamed")),
        ("VarSyn", "parse p. (share of the text rows)", p.get("parse")),
        ("VarSyn", "p. -> c. back-translation (text in, c. texts out)",
         p.get("p. -> c. back-translation, text in, c. texts out")),
        ("VarSyn", "p. -> c. back-translation (text in), streamed (appendCodingCandidates, TextList)",
         p.get("p. -> c. back-translation, text in, c. texts streamed")),
        ("VarSyn", "p. -> c. + normalize (text, every form)", p.get("parse + normalize text, all forms"))]
summary = f"{out}/map/summary.json"
if os.path.exists(summary):
    for r in json.load(open(summary)):
        rows.append((r.get("peer"), r.get("op"), int(r.get("median_per_second") or r.get("median") or 0)))
ferro_rate = next((rate for tool, op, rate in rows if str(tool).startswith("ferro") and op == "normalize"), None)
ctext_rate = c.get("parse + normalize text, c. text only")
print("| tool | operation | median/s (one thread) |")
print("|---|---|---:|")
for tool, op, rate in rows:
    print(f"| {tool} | {op} | {rate:,} |" if rate else f"| {tool} | {op} | - |")

stream_rate = c.get("stream text in -> c. text (TextList)")
if ferro_rate and ctext_rate:
    print()
    print(f"ratio, ours text -> normalized c. text vs ferro-hgvs normalize: {ctext_rate / ferro_rate:.2f}x")
if ferro_rate and stream_rate:
    print(f"ratio, ours streaming text -> normalized c. text vs ferro-hgvs normalize: {stream_rate / ferro_rate:.2f}x")

cg = f"{out}/callgrind.txt"
if os.path.exists(cg):
    print()
    print("| pass (input) | instructions per input |")
    print("|---|---:|")
    for line in open(cg):
        f = line.split()
        if len(f) == 3 and f[1].isdigit():
            print(f"| {f[0]} | {int(f[1]) // int(f[2]):,} |")
steady = f"{out}/callgrind-steady.txt"
if os.path.exists(steady):
    print()
    print("| pass (input) | steady instructions per input (a further pass) |")
    print("|---|---:|")
    for line in open(steady):
        f = line.split()
        if len(f) == 3 and f[1].lstrip("-").isdigit():
            print(f"| {f[0]} | {int(f[1]) // int(f[2]):,} |")

def ours(path, column):
    rows = {}
    lines = open(path).read().splitlines()
    head = lines[0].split("\t")
    i, ok = head.index(column), head.index("ok")
    for line in lines[1:]:
        f = line.split("\t")
        rows[f[0]] = f[i] if f[ok] == "true" and len(f) > i else "ERR"
    return rows

def peer(name):
    path = f"{out}/map/{name}.outputs.tsv"
    if not os.path.exists(path):
        return None
    return {s: o for _, s, o in (l.rstrip("\n").split("\t") for l in open(path))}

def canon(o):
    # ferro's NC_(NM_): prefix; weaver's deleted bases in delins (`delATinsGG` is `delinsGG`)
    o = re.sub(r"^NC_[0-9.]+\((N[MR]_[0-9.]+)\):", r"\1:", o)
    return re.sub(r"del[ACGTN]+ins", "delins", o)
print()
for ours_file, column, peer_name in [("ours-c.tsv", "hgvs_c", "weaver.normalize"), ("ours-c.tsv", "hgvs_c", "ferro.normalize"),
                                     ("ours-c.tsv", "hgvs_g", "weaver.c_to_g"), ("ours-c.tsv", "hgvs_p", "weaver.c_to_p"),
                                     ("ours-p.tsv", "hgvs_c", "weaver.p_to_c")]:
    theirs = peer(peer_name)
    if theirs is None:
        continue
    mine = ours(f"{out}/{ours_file}", column)
    # An empty field: no such form without the genome (the synthetic contig's sequence is not in our table; the
    # peers read genome.fa), e.g. hgvs_c of an intronic variant. Counted apart from disagreements.
    empty = [s for s in mine if s in theirs and mine[s] == ""]
    common = [s for s in mine if s in theirs and theirs[s] != "ERR" and mine[s] not in ("ERR", "")]
    same = sum(canon(mine[s]) == canon(theirs[s]) for s in common)
    print(f"agreement, our {column} vs {peer_name}: {same}/{len(common)} identical"
          f" ({len(empty)} with no {column} of ours: genome not in the table;"
          f" ours failed {sum(v == 'ERR' for v in mine.values())}, theirs {sum(v == 'ERR' for v in theirs.values())})")
    shown = 0
    for s in common:
        if canon(mine[s]) != canon(theirs[s]) and shown < 3:
            print(f"    {s}: ours {mine[s]}  vs  {theirs[s]}")
            shown += 1
PY
