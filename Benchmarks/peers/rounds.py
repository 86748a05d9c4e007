#!/usr/bin/env python3
"""Times several commands in rounds, each round running every command once (in a rotated
order), and prints per command the median wall time, the median of its per-round ratio to the
first command, and its peak memory (max RSS of the child, from wait4), as JSON.

Why rounds: this 2-core VM drifts by a fifth and more within minutes, and when each engine ran
its repeats in a block of its own the ratio measured the minutes as much as the engines (the
sample digest against Typst read 0.51 to 0.65 from one run to the next). A ratio taken within
each round compares the engines on the same minute.

Usage: rounds.py REPEATS -- LABEL [KEY=VALUE ...] COMMAND... --- LABEL ... COMMAND... ...
"""
import json, os, statistics, subprocess, sys, time

def parse(argv):
    groups, current = [], []
    for token in argv:
        if token == "---":
            groups.append(current); current = []
        else:
            current.append(token)
    groups.append(current)
    commands = []
    for g in groups:
        label, rest = g[0], g[1:]
        env = dict(os.environ)
        while rest and "=" in rest[0] and not rest[0].startswith("/") and rest[0].split("=", 1)[0].isupper():
            key, value = rest.pop(0).split("=", 1)
            env[key] = value
        commands.append((label, env, rest))
    return commands

def run(env, cmd):
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        sys.stderr.write(proc.stderr.read().decode(errors="replace"))
        sys.exit(f"command failed: {' '.join(cmd)}")
    return wall, usage.ru_maxrss / 1024.0

def main():
    if len(sys.argv) < 4 or sys.argv[2] != "--":
        sys.exit(__doc__)
    repeats = int(sys.argv[1])
    commands = parse(sys.argv[3:])
    walls = {label: [] for label, _, _ in commands}
    peaks = {label: 0.0 for label, _, _ in commands}
    for r in range(repeats):
        order = commands[r % len(commands):] + commands[:r % len(commands)]
        for label, env, cmd in order:
            wall, peak = run(env, cmd)
            walls[label].append(wall)
            peaks[label] = max(peaks[label], peak)
    first = commands[0][0]
    result = {}
    for label, _, _ in commands:
        ratios = [w / f for w, f in zip(walls[label], walls[first])]
        result[label] = {"wall": statistics.median(walls[label]), "ratio": statistics.median(ratios),
                         "peak_mib": peaks[label]}
    print(json.dumps(result))

main()
