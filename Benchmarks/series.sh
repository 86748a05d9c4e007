#!/usr/bin/env bash
# A series over time, for a machine whose speed drifts within minutes: every INTERVAL seconds
# until STOP_FILE exists (or COUNT rounds), the CPU time of analysing 1,000 articles on two
# cores and on one (taskset -c 0), and the whole-process wall time of the sample digest (the
# median of 5). One line per round on standard output:
#   time  analysis-2-cores-cpu  analysis-1-core-cpu  digest-wall
#
#   bash Benchmarks/series.sh [INTERVAL] [COUNT] > series.txt
set -euo pipefail
cd "$(dirname "$0")/.."
INTERVAL=${1:-90}
COUNT=${2:-20}
STOP_FILE=${STOP_FILE:-/tmp/despatch-series.stop}
BIN=.build/release/despatch
cpu() { "$@" bench --scenario analysis --size 1000 --repeats 1 --json | python3 -c 'import json,sys; print("%.3f" % json.load(sys.stdin)["cpuSeconds"])'; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for ((i = 0; i < COUNT; i++)); do
  [ -e "$STOP_FILE" ] && break
  two=$(cpu $BIN)
  one=$(cpu taskset -c 0 $BIN)
  digest=$(python3 Benchmarks/peers/rounds.py 5 -- digest $BIN digest --input Samples --output "$out/d.pdf" |
    python3 -c 'import json,sys; print("%.3f" % json.load(sys.stdin)["digest"]["wall"])')
  echo "$(date +%H:%M:%S) $two $one $digest"
  sleep "$INTERVAL"
done
