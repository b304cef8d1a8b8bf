"""Shared by the bitgen_*.py scripts (imported; running it does nothing).

Conventions of the vectors they write:
- A seed is {"entropy": "<decimal>", "spawn_key": [..]}: the generator is BitGen(SeedSequence(entropy, spawn_key)).
- Integers that may exceed 64 bits (entropy, deltas, keys, counters) are decimal strings; 64-bit outputs are JSON numbers.
- Interleaved draws use bit_generator.ctypes: op "u32" = next_uint32, "u64" = next_uint64, "f64" = next_double
  (stored as its IEEE-754 bit pattern), so every value is a uint64.
"""
import ctypes
import random

import numpy as np

from common import f64_bits

OPS = ("u32", "u64", "f64")


def seed_spec(entropy, spawn_key=()):
    return {"entropy": str(entropy), "spawn_key": [int(k) for k in spawn_key]}


def make(cls, spec):
    return cls(np.random.SeedSequence(int(spec["entropy"]), spawn_key=tuple(spec["spawn_key"])))


def op_pattern(count, pattern_seed):
    rng = random.Random(pattern_seed)
    return [rng.choice(OPS) for _ in range(count)]


def draw(bit_generator, ops):
    """Runs the ops through NumPy's C-level next_* functions; returns the values as uint64s."""
    c = bit_generator.ctypes
    out = []
    for op in ops:
        if op == "u32":
            out.append(int(c.next_uint32(c.state)))
        elif op == "u64":
            out.append(int(c.next_uint64(c.state)))
        elif op == "f64":
            out.append(f64_bits([c.next_double(c.state)])[0])
        else:
            raise ValueError(op)
    return out


def raw(bit_generator, count):
    return [int(v) for v in bit_generator.random_raw(count)]


def words(array):
    return [int(v) for v in array]
