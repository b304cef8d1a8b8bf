#!/usr/bin/env bash
# Regenerates every JSON test vector under Rng.Runtime.Tests/Vectors from NumPy 1.24
# (Debian: apt-get install -y python3-numpy). Tests and CI only read the committed JSON.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../../Rng.Runtime.Tests/Vectors"
python=${PYTHON:-/usr/bin/python3}
"$python" -c 'import numpy, sys; v = numpy.__version__; sys.exit(0 if v.startswith("1.24") else f"NumPy 1.24 expected, found {v}")'
for script in "$here"/*.py; do
  [ "$(basename "$script")" = "common.py" ] && continue
  echo "== $(basename "$script")"
  "$python" "$script" "$out"
done
