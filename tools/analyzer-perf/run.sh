#!/usr/bin/env bash
# Measure Rng.Analyzers' share of compile time on a large generated code base (issue 4, "Speed").
#
# Usage: tools/analyzer-perf/run.sh [OUT_DIR] [LINES]
#   OUT_DIR  where the corpus is generated (default: a fresh temp dir); never commit it.
#   LINES    minimum generated lines (default 200000).
# Set REPORT_ONLY=1 to only re-parse OUT_DIR/report.log of an earlier run.
# Set SDK_RULES=default to measure with the SDK's default analyzer set (AnalysisLevel=latest, no code-style
# enforcement) instead of every CA/IDE rule (the corpus project's latest-all): a shorter compile, so a larger share.
# Set AB_PAIRS=N to also time N interleaved pairs of builds without and with Rng.Analyzers (same settings, no
# ReportAnalyzer): the compile time the analyzers add, as opposed to the time Roslyn attributes to them.
# Set COMPILER_SERVER=1 to compile in the compiler server (VBCSCompiler, the default of a developer's dotnet build,
# off in CI) after two warm-up compiles in it, so analyzers and compiler are loaded and their hot code re-jitted
# (after one, the measured compile was still as slow as a fresh csc).
#
# Steps: generate -> warm build (restore, build Rng.Runtime/Rng.Analyzers and the corpus with
# analyzers off) -> touch one source file -> measured build with -p:ReportAnalyzer=true and
# BuildProjectReferences=false so exactly one Csc (the corpus) runs. The detailed log (with all
# warnings; none are suppressed, every CA/IDE rule still runs) goes to OUT_DIR/report.log; the
# console stays quiet (-v:q).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-$(mktemp -d -t rng-analyzer-perf-XXXXXX)}"
lines="${2:-200000}"
py="$(command -v python3 || echo /usr/bin/python3)"

if [[ "${REPORT_ONLY:-0}" != 1 ]]; then
  "$py" "$here/generate.py" "$out" --lines "$lines"
  cd "$out"
  echo "warm build (restore + references + corpus, analyzers off)..." >&2
  dotnet build -v:q -nologo -p:RunAnalyzers=false > warm.txt 2>&1 || { tail -20 warm.txt; exit 1; }
  rules=()
  if [[ "${SDK_RULES:-all}" == default ]]; then rules=(-p:AnalysisLevel=latest -p:EnforceCodeStyleInBuild=false); fi
  if [[ "${COMPILER_SERVER:-0}" == 1 ]]; then
    rules+=(-p:UseSharedCompilation=true)
    for warmup in 1 2; do
      touch src/Service0000.cs
      echo "warm-up compile $warmup in the compiler server..." >&2
      dotnet build -v:q -nologo -p:BuildProjectReferences=false "${rules[@]}" > server-warmup.txt 2>&1 || { tail -20 server-warmup.txt; exit 1; }
    done
  fi
  touch src/Service0000.cs
  echo "measured build (-p:ReportAnalyzer=true)..." >&2
  dotnet build -v:q -nologo -p:ReportAnalyzer=true -p:BuildProjectReferences=false "${rules[@]}" \
    "-flp:LogFile=$out/report.log;Verbosity=detailed;PerformanceSummary" > measure.txt 2>&1 \
    || { tail -20 measure.txt; exit 1; }

  rm -f "$out/ab.tsv"
  for ((pair = 1; pair <= ${AB_PAIRS:-0}; pair++)); do
    for with in false true; do
      touch src/Service0000.cs
      dotnet build -v:q -nologo -p:RngAnalyzers=$with -p:BuildProjectReferences=false "${rules[@]}" \
        "-flp:LogFile=$out/ab.log;Verbosity=normal;PerformanceSummary" > ab.txt 2>&1 || { tail -20 ab.txt; exit 1; }
      ms="$(grep -E '^ +[0-9]+ ms +Csc +1 calls' "$out/ab.log" | awk '{print $1}')"
      printf '%s\t%s\t%s\n' "$pair" "$with" "$ms" >> "$out/ab.tsv"
      echo "A/B pair $pair, Rng.Analyzers=$with: Csc $ms ms" >&2
    done
  done
fi

"$py" - "$out" <<'PY'
import glob, os, re, sys
out = sys.argv[1]
log = open(os.path.join(out, "report.log"), encoding="utf-8", errors="replace").read().splitlines()

lines = sum(open(p, encoding="utf-8").read().count("\n") for p in glob.glob(os.path.join(out, "src", "*.cs")))

csc_ms = None
for line in log:
    m = re.match(r"\s+(\d+) ms\s+Csc\s+(\d+) calls", line)
    if m:
        csc_ms, csc_calls = int(m.group(1)), int(m.group(2))

def secs(text):
    return 0.0005 if text.startswith("<") else float(text)

total_analyzers = None
assemblies = {}   # assembly -> seconds
rules = []        # (assembly, analyzer, ids, seconds)
in_report, current = False, None
for line in log:
    m = re.search(r"Total analyzer execution time: ([\d.]+) seconds", line)
    if m:
        total_analyzers, in_report = float(m.group(1)), True
        continue
    if not in_report:
        continue
    if "Total generator execution time" in line:
        break
    m = re.match(r"\s+(<?[\d.]+)\s+<?\d+\s+(\S.*)$", line)
    if not m:
        continue
    seconds, name = secs(m.group(1)), m.group(2).strip()
    if ", Version=" in name:
        current = name.split(",")[0]
        assemblies[current] = seconds
    elif current:
        rm = re.match(r"(\S+)(?: \((.*)\))?$", name)
        rules.append((current, rm.group(1), rm.group(2) or "", seconds))

if csc_ms is None or total_analyzers is None:
    sys.exit("report.log has no Csc task time or no analyzer report; did the measured build run?")

ours = assemblies.get("Rng.Analyzers", 0.0)
csc_s = csc_ms / 1000.0
sdk_rules = sorted((r for r in rules if not r[0].startswith("Rng.")), key=lambda r: -r[3])
our_rules = sorted((r for r in rules if r[0] == "Rng.Analyzers"), key=lambda r: -r[3])

print(f"corpus                 : {out} ({lines} lines of C#)")
print(f"compile (Csc task)     : {csc_s:.1f} s wall ({csc_calls} call)")
print(f"all analyzers          : {total_analyzers:.1f} s (summed over threads)")
for asm, s in sorted(assemblies.items(), key=lambda kv: -kv[1])[:6]:
    print(f"  {asm:<45}: {s:.3f} s")
print(f"Rng.Analyzers total    : {ours:.3f} s")
print(f"  share of compile     : {100 * ours / csc_s:.2f} % (target < 1 %)")
print(f"  share of analyzer time: {100 * ours / total_analyzers:.2f} %")
for asm, name, ids, s in our_rules:
    print(f"  {name.replace('Rng.Analyzers.', ''):<38} {ids:<18} {s:.3f} s")
if sdk_rules:
    asm, name, ids, s = sdk_rules[0]
    print(f"slowest SDK analyzer   : {name} ({ids}) in {asm}: {s:.3f} s")
    verdict = "below" if ours < s else "NOT below"
    print(f"Rng.Analyzers total is {verdict} the slowest single SDK analyzer")
    print("top SDK analyzers:")
    for asm, name, ids, s in sdk_rules[:5]:
        print(f"  {s:8.3f} s  {name.split('.')[-1]} ({ids})")
PY

if [[ -s "$out/ab.tsv" ]]; then
  "$py" - "$out/ab.tsv" <<'PY'
import statistics, sys
rows = [line.split("\t") for line in open(sys.argv[1]).read().splitlines()]
without = {r[0]: int(r[2]) / 1000 for r in rows if r[1] == "false"}
with_ = {r[0]: int(r[2]) / 1000 for r in rows if r[1] == "true"}
diffs = [with_[k] - without[k] for k in without if k in with_]
print(f"A/B ({len(diffs)} interleaved pairs, Csc wall): without {statistics.mean(without.values()):.1f} s, "
      f"with {statistics.mean(with_.values()):.1f} s")
if len(diffs) > 1:
    se = statistics.stdev(diffs) / len(diffs) ** 0.5
    print(f"  added by Rng.Analyzers: {statistics.mean(diffs):+.2f} s (standard error {se:.2f} s, "
          f"median {statistics.median(diffs):+.2f} s) = {100 * statistics.mean(diffs) / statistics.mean(without.values()):+.1f} % of the compile")
PY
fi
