#!/bin/sh
# Rebuilds the embedded default table from the real data in ../shared/data (reproducible: same inputs, same bytes).
# Usage: scripts/build-default-table.sh [SHARED_DATA_DIR]   (run from the package root)
set -eu
DATA="${1:-../shared/data}"
CONF="$(dirname "$DATA")/conformance/biocommons"
OUT=Sources/CVarSynDefaultTable/default.vstable
swift build --product varsyn
BIN="$(swift build --show-bin-path)/varsyn"
RSIDS=""
for f in "$CONF"/exemplars.vcf.gz "$CONF"/gcp/*dbSNP*.tsv; do RSIDS="$RSIDS --rsids $f"; done
# shellcheck disable=SC2086
"$BIN" table build --out "$OUT.new" --default "$DATA" --equivalences Data/version-equivalences.tsv $RSIDS
mv "$OUT.new" "$OUT"
# The stamp makes the C target recompile (compilers do not track .incbin inputs).
SUM="$(cksum "$OUT" | cut -d' ' -f1)"
printf '#define VARSYN_DEFAULT_TABLE_STAMP "%s"\n' "$SUM" > Sources/CVarSynDefaultTable/default_table_stamp.h
swift build --product varsyn
"$BIN" table info
