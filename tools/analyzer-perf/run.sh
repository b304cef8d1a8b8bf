#!/usr/bin/env bash
# Measures the RngSafety analyzers' cost on a generated code base (>= 200,000 lines by default).
#
#   tools/analyzer-perf/run.sh [OUTPUT_DIR]        (default: $TMPDIR/rng-analyzer-perf; LINES=N to change the size)
#
# 1. generate.py writes the corpus (a net10.0 library using Rng.Runtime, with Rng.Analyzers as an analyzer and every
#    .NET SDK analyzer enabled through AnalysisMode=All);
# 2. a warm-up build compiles the dependencies (Rng.Runtime, Rng.Analyzers) and restores;
# 3. the measured build recompiles only the corpus with -p:ReportAnalyzer=true into a detailed log;
# 4. report.py prints the compile time, every analyzer's time, our share and the slowest SDK rule.
# Takes a few minutes on a small machine. The corpus is outside the repository; never commit it.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-${TMPDIR:-/tmp}/rng-analyzer-perf}"
lines="${LINES:-200000}"
python="${PYTHON:-/usr/bin/python3}"

"$python" "$here/generate.py" "$out" --lines "$lines"

echo "Warm-up build (dependencies and restore)..."
if ! dotnet build "$out/PerfCorpus.csproj" -c Release -nologo -v:q -clp:ErrorsOnly > "$out/warmup.log" 2>&1; then
  tail -n 30 "$out/warmup.log"
  exit 1
fi

echo "Measured build (the corpus only)..."
rm -rf "$out/obj/Release" "$out/bin/Release"
dotnet build "$out/PerfCorpus.csproj" -c Release --no-restore -nologo -v:q -clp:ErrorsOnly \
  -p:ReportAnalyzer=true "-flp:logfile=$out/build.log;verbosity=detailed;performancesummary" > "$out/measured.log" 2>&1 \
  || { tail -n 30 "$out/measured.log"; exit 1; }

"$python" "$here/report.py" "$out/build.log" | tee "$out/report.txt"
