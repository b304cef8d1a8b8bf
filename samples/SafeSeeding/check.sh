#!/usr/bin/env bash
# Runs the C# SafeSeeding programs and their NumPy twin (safe_seeding.py) and diffs the outputs; also compares both
# with the committed NumPy output, expected-output.txt. Needs NumPy 1.24 (set PYTHON to pick the interpreter).
# Not part of CI, which has no NumPy. Exit code 0 when all three agree.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
python="${PYTHON:-/usr/bin/python3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

dotnet run --project "$here/SafeSeeding.csproj" -c Release > "$work/csharp.txt"
"$python" "$here/safe_seeding.py" > "$work/numpy.txt"

status=0
diff -u --label numpy "$work/numpy.txt" --label 'C#' "$work/csharp.txt" || status=1
diff -u --label expected-output.txt "$here/expected-output.txt" --label numpy "$work/numpy.txt" || status=1
if [ "$status" -eq 0 ]; then
    echo "SafeSeeding: C# and NumPy print the same $(wc -l < "$work/csharp.txt") lines."
fi
exit "$status"
