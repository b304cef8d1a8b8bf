#!/usr/bin/env python3
"""Extracts analyzer timings from a detailed MSBuild log of a build run with -p:ReportAnalyzer=true.

Usage: report.py BUILD_LOG [--project NAME]

Prints the compile time (the Csc task of the measured project), the total analyzer execution time, every RngSafety
analyzer with its time, the RngSafety total and its share of compile time and of analyzer time, and the slowest
single analyzer of the .NET SDK (Microsoft.CodeAnalysis.NetAnalyzers / CSharp.NetAnalyzers) for comparison.
Analyzer times are summed over threads (analyzers run concurrently), so they can exceed the elapsed compile time.
"""

import argparse
import re
import sys

ROW = re.compile(r"^\s*(?:\d+>)?\s*(\d+(?:\.\d+)?)\s+(<?\d+)\s+(\S.*?)\s*$")
CSC = re.compile(r"^\s*(\d+) ms\s+Csc\s+(\d+) calls")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("log")
    args = parser.parse_args()

    with open(args.log, encoding="utf-8", errors="replace") as f:
        lines = f.read().splitlines()

    csc_ms = None
    for line in lines:
        m = CSC.match(line)
        if m:
            csc_ms = int(m.group(1))

    total = None
    assemblies = {}
    current = None
    in_table = False
    for line in lines:
        if "Total analyzer execution time:" in line:
            total = float(re.search(r"([\d.]+) seconds", line).group(1))
            in_table = True
            continue
        if in_table and "Total generator execution time" in line:
            in_table = False
            continue
        if not in_table:
            continue
        m = ROW.match(line)
        if not m:
            continue
        seconds, name = float(m.group(1)), m.group(3)
        if ", Version=" in name:
            current = name.split(",")[0]
            assemblies[current] = {"total": seconds, "analyzers": []}
        elif current is not None:
            assemblies[current]["analyzers"].append((seconds, name))

    if total is None or csc_ms is None:
        print("No analyzer report or Csc time in the log: was the build run with -p:ReportAnalyzer=true and a detailed file log with performancesummary?")
        return 1

    compile_s = csc_ms / 1000.0
    ours = assemblies.get("Rng.Analyzers", {"total": 0.0, "analyzers": []})
    sdk = [a for name, data in assemblies.items() if name.startswith("Microsoft.CodeAnalysis") and "NetAnalyzers" in name for a in data["analyzers"]]
    slowest_sdk = max(sdk) if sdk else (0.0, "(none)")
    slowest_ours = max(ours["analyzers"]) if ours["analyzers"] else (0.0, "(none)")

    print(f"Compile (Csc task):                 {compile_s:9.3f} s")
    print(f"All analyzers (summed over threads): {total:9.3f} s")
    for name, data in sorted(assemblies.items(), key=lambda kv: -kv[1]["total"]):
        print(f"  {data['total']:9.3f} s  {name}")
    print("RngSafety analyzers:")
    for seconds, name in sorted(ours["analyzers"], reverse=True):
        print(f"  {seconds:9.3f} s  {name}")
    print(f"RngSafety total:                    {ours['total']:9.3f} s = {100 * ours['total'] / compile_s:.2f}% of compile time, "
          f"{100 * ours['total'] / total:.2f}% of analyzer time")
    print(f"Slowest RngSafety analyzer:         {slowest_ours[0]:9.3f} s  {slowest_ours[1]}")
    print(f"Slowest .NET SDK analyzer:          {slowest_sdk[0]:9.3f} s  {slowest_sdk[1]}")
    print(f"RngSafety total below the slowest SDK rule: {'yes' if ours['total'] < slowest_sdk[0] else 'no'}; "
          f"below 1% of compile time: {'yes' if ours['total'] < 0.01 * compile_s else 'no'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
