#!/usr/bin/env bash
# Times NumPy and RngSafety on the same cases in one run and prints a Markdown table (ns per value, lower is
# better; ratio = NumPy / RngSafety, so 2.0 means RngSafety is twice as fast).
#   NumPy side:     tools/bench/numpy_cases.py + tools/bench/numpy_cases_*.py (CASES dicts), run by numpy_bench.py
#   RngSafety side: every ICompareCase in Rng.Benchmarks (Rng.Benchmarks/Compare/*Cases.cs), via --compare
# Cases are joined by name. To add an area, add Rng.Benchmarks/Compare/<Area>Cases.cs and
# tools/bench/numpy_cases_<area>.py with the same case names.
# Usage: tools/bench/compare_numpy.sh [substring filter ...]   (PYTHON overrides /usr/bin/python3)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
python=${PYTHON:-/usr/bin/python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build "$root/Rng.Benchmarks" -c Release -v quiet -nologo >/dev/null
echo "Timing NumPy $("$python" -c 'import numpy; print(numpy.__version__)') ..." >&2
"$python" "$here/numpy_bench.py" "$@" | sort >"$work/numpy.tsv"
echo "Timing RngSafety ($(dotnet --version)) ..." >&2
dotnet run -c Release --no-build --project "$root/Rng.Benchmarks" -- --compare "$@" | sort >"$work/ours.tsv"

echo "| case | NumPy ns/value | RngSafety ns/value | ratio (NumPy / RngSafety) |"
echo "|---|---:|---:|---:|"
join -t $'\t' -a 1 -a 2 -e '' -o 0,1.2,2.2 "$work/numpy.tsv" "$work/ours.tsv" |
  awk -F '\t' '{
    ratio = ($2 != "" && $3 != "" && $3 > 0) ? sprintf("%.2fx", $2 / $3) : "n/a";
    printf "| %s | %s | %s | %s |\n", $1, ($2 == "" ? "n/a" : $2), ($3 == "" ? "n/a" : $3), ratio
  }'
