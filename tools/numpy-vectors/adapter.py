"""Vectors for Generator.AsRandom(): writes adapter.json.

Each case is {"bitgen", "seed", "ops": [...]}: a sequence of System.Random calls on the adapter, each with the value
NumPy gives for the documented mapping (see docs/numpy-mapping.md):
  Next()                 integers(0, 2**31 - 1, dtype=int32)
  Next(max)              integers(0, max, dtype=int32); max == 0 gives 0 and draws nothing
  Next(min, max)         integers(min, max, dtype=int32); min == max gives min and draws nothing
  NextInt64(...)         the same on int64, with NextInt64() = integers(0, 2**63 - 1)
  NextDouble(), Sample() random()                       (float64 bit patterns)
  NextSingle()           random(dtype=float32)          (float32 bit patterns)
  NextBytes(n)           bytes(n)                       (hex; n == 0 still takes one 32-bit draw in NumPy 1.24)
  Shuffle(n)             .NET's Random.Shuffle over arange(n): for i in 0..n-2, j = Next(i, n), swap
  GetItems(k, m)         .NET's Random.GetItems: m draws of Next(k), recorded as indices into the k choices
"""
import numpy as np

from common import f32_bits, f64_bits, write
from dist_ops import BIT_GENERATORS

INT32_MAX = 2**31 - 1
INT64_MIN, INT64_MAX = -2**63, 2**63 - 1


def next_int(gen, low, high, dtype):
    if low == high:
        return low
    return int(gen.integers(low, high, dtype=dtype))


def run(gen, op):
    call = op["call"]
    if call == "Next":
        return next_int(gen, 0, INT32_MAX, np.int32)
    if call == "NextMax":
        return next_int(gen, 0, op["max"], np.int32)
    if call == "NextMinMax":
        return next_int(gen, op["min"], op["max"], np.int32)
    if call == "NextInt64":
        return next_int(gen, 0, INT64_MAX, np.int64)
    if call == "NextInt64Max":
        return next_int(gen, 0, op["max"], np.int64)
    if call == "NextInt64MinMax":
        return next_int(gen, op["min"], op["max"], np.int64)
    if call in ("NextDouble", "Sample"):
        return f64_bits([gen.random()])[0]
    if call == "NextSingle":
        return f32_bits([gen.random(dtype=np.float32)])[0]
    if call in ("NextBytes", "NextBytesSpan"):
        return gen.bytes(op["length"]).hex()
    if call == "Shuffle":
        values = list(range(op["n"]))
        for i in range(op["n"] - 1):
            j = next_int(gen, i, op["n"], np.int32)
            values[i], values[j] = values[j], values[i]
        return values
    if call == "GetItems":
        return [next_int(gen, 0, op["choices"], np.int32) for _ in range(op["length"])]
    raise ValueError(call)


def op(call, **args):
    return {"call": call, **args}


# Every member once, the edge ranges (1, 2, 2^31 - 1, 2^32 - 1 values; 2^32 +- 1, 2^63, 2^64 - 1 for int64), empty
# ranges that draw nothing, and 32-/64-bit draws interleaved so NumPy's spare 32-bit half is carried across calls.
MIXED = [
    op("Next"), op("NextDouble"), op("Next"), op("NextSingle"), op("NextInt64"), op("NextSingle"),
    op("NextMax", max=0), op("NextMax", max=1), op("NextMax", max=2), op("NextMax", max=10), op("NextMax", max=INT32_MAX),
    op("NextMinMax", min=-5, max=-5), op("NextMinMax", min=-5, max=5), op("NextMinMax", min=-2**31, max=INT32_MAX),
    op("NextMinMax", min=-2**31, max=-2**31 + 1), op("NextMinMax", min=INT32_MAX - 1, max=INT32_MAX),
    op("NextInt64Max", max=0), op("NextInt64Max", max=1), op("NextInt64Max", max=2**32 - 1), op("NextInt64Max", max=2**32),
    op("NextInt64Max", max=2**32 + 1), op("NextInt64Max", max=2**32 + 2), op("NextInt64Max", max=INT64_MAX),
    op("NextInt64MinMax", min=INT64_MIN, max=INT64_MAX), op("NextInt64MinMax", min=INT64_MIN, max=0),
    op("NextInt64MinMax", min=-1, max=2**62), op("NextInt64MinMax", min=7, max=7), op("NextInt64MinMax", min=-3, max=3),
    op("Sample"), op("NextBytes", length=0), op("NextBytes", length=1), op("NextBytes", length=5), op("NextSingle"),
    op("NextBytesSpan", length=13), op("NextBytesSpan", length=0), op("NextBytes", length=16), op("Next"),
    op("Shuffle", n=0), op("Shuffle", n=1), op("Shuffle", n=2), op("Shuffle", n=10), op("Shuffle", n=37),
    op("GetItems", choices=1, length=3), op("GetItems", choices=4, length=9), op("GetItems", choices=256, length=5),
    op("GetItems", choices=7, length=11), op("NextDouble"), op("NextInt64"),
]

SINGLES = [op("NextSingle")] * 5 + [op("NextDouble")] + [op("NextSingle")] * 3 + [op("Next")] * 3 + [op("NextInt64")]


def case(bitgen, seed, ops):
    gen = np.random.Generator(BIT_GENERATORS[bitgen](seed))
    return {"bitgen": bitgen, "seed": str(seed), "ops": [{**o, "out": run(gen, o)} for o in ops]}


def main():
    cases = [case("PCG64", seed, MIXED) for seed in (0, 1, 20261122, 2**100 + 7)]
    cases += [case(name, 12345, MIXED) for name in ("PCG64DXSM", "Philox", "SFC64", "MT19937")]
    cases += [case("PCG64", seed, SINGLES) for seed in (3, 4)]
    write("adapter.json", {"cases": cases})


if __name__ == "__main__":
    main()
