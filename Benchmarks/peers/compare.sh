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
measure() { python3 $here/measure.py "$REPEATS" -- "$@"; }
field() { python3 -c "import json,sys; print(json.loads(sys.argv[1])['$2'])" "$1"; }

printf "| input | engine | wall s (median of %s) | ratio to Despatch | peak MiB | pages |\n|---|---|---:|---:|---:|---:|\n" "$REPEATS"
for size in ${SIZES:-small large}; do
  in="$WORK/$size"
  $BIN export --format typst --input "$in" --output "$WORK/$size.typ" 2>/dev/null
  $BIN export --format html --input "$in" --output "$WORK/$size.html" 2>/dev/null
  d=$(measure $BIN digest --input "$in" --output "$WORK/$size-despatch.pdf")
  t=$(measure python3 "$WORK/run_typst.py" "$WORK/$size.typ" "$WORK/$size-typst.pdf" Fonts)
  w=$(FONTCONFIG_FILE="$WORK/fonts.conf" measure python3 -m weasyprint "$WORK/$size.html" "$WORK/$size-weasy.pdf")
  f=$(FONTCONFIG_FILE="$WORK/fonts.conf" measure "$WORK/floor" "$WORK/$size-floor.pdf" "$in"/*.txt)
  dw=$(field "$d" wall)
  for engine in despatch typst weasy floor; do
    case $engine in despatch) r=$d;; typst) r=$t;; weasy) r=$w;; floor) r=$f;; esac
    wall=$(field "$r" wall); peak=$(field "$r" peak_mib)
    ratio=$(python3 -c "print(f'{$wall/$dw:.2f}')")
    printf "| %s | %s | %.3f | %s | %.0f | %s |\n" "$size" "$engine" "$wall" "$ratio" "$peak" "$(pages "$WORK/$size-$engine.pdf")"
  done
done
