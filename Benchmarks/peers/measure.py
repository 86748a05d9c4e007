#!/usr/bin/env python3
"""Runs a command several times; prints the median wall time and the peak memory (max RSS
of the child, from wait4) as JSON. Usage: measure.py REPEATS -- COMMAND..."""
import json, os, subprocess, sys, time

def main():
    repeats = int(sys.argv[1])
    cmd = sys.argv[sys.argv.index("--") + 1:]
    walls, peaks = [], []
    for _ in range(repeats):
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        walls.append(time.perf_counter() - start)
        peaks.append(usage.ru_maxrss / 1024.0)
        if status != 0:
            sys.stderr.write(proc.stderr.read().decode(errors="replace"))
            sys.exit(f"command failed: {' '.join(cmd)}")
    walls.sort()
    print(json.dumps({"wall": walls[len(walls) // 2], "peak_mib": max(peaks)}))

main()
