"""Helpers shared by the vector scripts: every script takes the output folder as argv[1]."""
import json
import os
import sys

import numpy as np


def out_dir():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "Rng.Runtime.Tests", "Vectors")
    os.makedirs(path, exist_ok=True)
    return path


def f64_bits(values):
    """IEEE-754 bit patterns of float64 values, so tests compare bit for bit."""
    return [int(x) for x in np.asarray(values, dtype=np.float64).view(np.uint64)]


def f32_bits(values):
    """IEEE-754 bit patterns of float32 values."""
    return [int(x) for x in np.asarray(values, dtype=np.float32).view(np.uint32)]


def write(name, payload):
    """Writes one vector file; big integers are written as decimal strings by the caller where needed."""
    payload = {"numpy_version": np.__version__, **payload}
    path = os.path.join(out_dir(), name)
    with open(path, "w") as f:
        json.dump(payload, f, indent=1)
        f.write("\n")
    print(f"wrote {path}")
