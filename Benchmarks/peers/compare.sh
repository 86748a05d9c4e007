#!/usr/bin/env bash
# Peer comparison in one run: the same digest through Despatch (PDF), Typst (from
# `despatch export --format typst`), WeasyPrint (from `despatch export --format html`) and the
# raw Pango/Cairo floor (floor.c), at the sample size (5 articles) and at 200 synthetic
# articles. Prints wall times (median of REPEATS), ratios to Despatch, peak memory and pages.
#
#   bash Benchmarks/peers/compare.sh [REPEATS]
#   SIZES=small bash Benchmarks/peers/compare.sh 5     # only one of the two inputs
#
# Installs WeasyPrint and Typst from PyPI when missing (the PyPI `typst` package has no CLI:
# it is called as typst.compile from Python). Builds Despatch in release.
set -euo pipefail
cd "$(dirname "$0")/../.."
REPEATS=${1:-5}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
here=Benchmarks/peers

python3 -c "import typst" 2>/dev/null || pip install --quiet typst
python3 -c "import weasyprint" 2>/dev/null || pip install --quiet weasyprint
make --no-print-directory build >/dev/null  # the release build, with the Makefile's flags
BIN=.build/release/despatch
gcc -O2 $here/floor.c -o "$WORK/floor" $(pkg-config --cflags --libs pangocairo)

# The floor and WeasyPrint find fonts through fontconfig: give them Fonts/ only, as Despatch
# and Typst have, so that every engine sets the same Noto Serif (the system's default font,
# DejaVu, has far simpler tables and made the floor look cheaper than it is).
mkdir -p "$WORK/fontcache"
cat > "$WORK/fonts.conf" <<XML
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>$PWD/Fonts</dir><cachedir>$WORK/fontcache</cachedir></fontconfig>
XML

# Inputs: the samples, and 200 synthetic articles (about 450 pages with the default layout).
mkdir -p "$WORK/small" "$WORK/large"
cp Samples/*.txt "$WORK/small/"
$BIN synth --articles 200 --paragraphs 28 --output "$WORK/large" 2>/dev/null
rm -f "$WORK/large/answers.json"

cat > "$WORK/run_typst.py" <<'PY'
import sys, typst
typst.compile(sys.argv[1], output=sys.argv[2], font_paths=[sys.argv[3]], ignore_system_fonts=True)
PY

pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}'; }

# The engines run in rounds, one run of each per round, and each one's ratio to Despatch is the
# median of the ratios within a round (rounds.py): the VM's speed drifts within minutes.
printf "| input | engine | wall s (median of %s) | ratio to Despatch (median per round) | peak MiB | pages |\n|---|---|---:|---:|---:|---:|\n" "$REPEATS"
for size in ${SIZES:-small large}; do
  in="$WORK/$size"
  $BIN export --format typst --input "$in" --output "$WORK/$size.typ" 2>/dev/null
  $BIN export --format html --input "$in" --output "$WORK/$size.html" 2>/dev/null
  results=$(python3 $here/rounds.py "$REPEATS" -- \
    despatch $BIN digest --input "$in" --output "$WORK/$size-despatch.pdf" --- \
    typst python3 "$WORK/run_typst.py" "$WORK/$size.typ" "$WORK/$size-typst.pdf" Fonts --- \
    weasy FONTCONFIG_FILE="$WORK/fonts.conf" python3 -m weasyprint "$WORK/$size.html" "$WORK/$size-weasy.pdf" --- \
    floor FONTCONFIG_FILE="$WORK/fonts.conf" "$WORK/floor" "$WORK/$size-floor.pdf" "$in"/*.txt)
  for engine in despatch typst weasy floor; do
    python3 - "$results" "$engine" "$size" "$(pages "$WORK/$size-$engine.pdf")" <<'PY'
import json, sys
r = json.loads(sys.argv[1])[sys.argv[2]]
print(f"| {sys.argv[3]} | {sys.argv[2]} | {r['wall']:.3f} | {r['ratio']:.2f} | {r['peak_mib']:.0f} | {sys.argv[4]} |")
PY
  done
done
