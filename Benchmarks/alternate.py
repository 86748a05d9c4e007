#!/usr/bin/env python3
"""Times one command under two settings, alternated, so that both see the same machine.

This 2-core VM drifts by a fifth within minutes; runs of A and then of B compare the
minutes, not the settings. Here run i takes A then B when i is even, B then A when odd.

Usage: python3 Benchmarks/alternate.py N A B -- command args...
A and B are either VAR=value (an environment setting for the command) or the path of an
executable that replaces the command's first word (two builds of despatch).
Prints, for each, the median and minimum wall time (time.perf_counter around
subprocess.run, so the whole process) and the median CPU time of the child.
"""
import os, resource, statistics, subprocess, sys, time

def main():
    if len(sys.argv) < 6 or sys.argv[4] != "--":
        sys.exit(__doc__)
    n, settings, command = int(sys.argv[1]), sys.argv[2:4], sys.argv[5:]

    def run(setting):
        env, argv = dict(os.environ), list(command)
        if "=" in setting and not os.path.exists(setting):
            key, value = setting.split("=", 1)
            env[key] = value
        else:
            argv[0] = setting
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
        return wall, cpu

    results = {s: [] for s in settings}
    for i in range(n):
        for s in (settings if i % 2 == 0 else settings[::-1]):
            results[s].append(run(s))
    for s in settings:
        walls = sorted(w for w, _ in results[s])
        cpus = [c for _, c in results[s]]
        print(f"{s}: median {statistics.median(walls):.3f} min {walls[0]:.3f} cpu median {statistics.median(cpus):.3f}")

main()
