"""Vectors for Generator's continuous distributions (NumPy 1.24, Generator(PCG64(seed))).

Writes dist_continuous.json:
- cases: one method, one parameter set, `size` values drawn in one call from a fresh PCG64(seed); the tests replay
  them through the scalar and the span forms.
- long_runs: 100,000 (or more) standard normal / exponential values, float64 and float32, to reach the ziggurat tails
  (log1p / log1pf): a SHA-256 of all value bits plus checkpoints (every tail value, and every 10,000th value).
- interleaved: one generator, a fixed sequence of mixed calls (scalar and small bulk, float64 and float32, which share
  NumPy's buffered 32-bit half), each call's values recorded.
- bitgen_cases: a few methods over each of NumPy's five bit generators seeded with 7.
- errors: parameters NumPy rejects, with its message.
Floating values and floating parameters are IEEE bit patterns (f64_bits / f32_bits), so NaN payloads, -0.0 and
infinities survive and tests compare bit for bit.
"""
import hashlib

import numpy as np

from common import f32_bits, f64_bits, write

SEEDS = [0, 1, 42, 20261122]
ZIG_NOR_R = 3.6541528853610087963519472518
ZIG_EXP_R = 7.6971174701310497140446280481
nan, inf = float("nan"), float("inf")


def bits_of(values, dtype):
    return f32_bits(values) if dtype == "float32" else f64_bits(values)


def draw(gen, method, params, size, dtype="float64"):
    """Calls the NumPy method; float32 exists for random and the standard normal / exponential."""
    kwargs = {"dtype": np.float32} if dtype == "float32" else {}
    return np.asarray(getattr(gen, method)(**params, size=size, **kwargs))


def param_bits(params):
    return {k: f64_bits([v])[0] for k, v in params.items()}


PARAMETER_SETS = {
    "standard_normal": [{}],
    "standard_exponential": [{}],
    "normal": [{"loc": 0.0, "scale": 1.0}, {"loc": 5.0, "scale": 0.001}, {"loc": -3.0, "scale": 1e300},
               {"loc": 0.0, "scale": 1e-300}, {"loc": 1e10, "scale": 2.0}, {"loc": 7.5, "scale": 0.0},
               {"loc": 0.0, "scale": nan}, {"loc": nan, "scale": 1.0}, {"loc": 0.0, "scale": inf}, {"loc": -inf, "scale": 1.0}],
    "exponential": [{"scale": 1.0}, {"scale": 3.5}, {"scale": 1e-300}, {"scale": 1e300}, {"scale": 0.0},
                    {"scale": inf}, {"scale": nan}],
    "lognormal": [{"mean": 0.0, "sigma": 1.0}, {"mean": 1.0, "sigma": 0.25}, {"mean": 0.0, "sigma": 0.0},
                  {"mean": -1000.0, "sigma": 1.0}, {"mean": 700.0, "sigma": 1.0}, {"mean": 0.0, "sigma": nan}],
    "standard_gamma": [{"shape": s} for s in (0.5, 1.0, 1.5, 0.0, 1e-300, 1e-3, 0.999999, 1.0000001, 3.0, 1e6, 1e300, inf, nan)],
    "gamma": [{"shape": 2.0, "scale": 3.0}, {"shape": 0.3, "scale": 1e-300}, {"shape": 5.0, "scale": 1e300},
              {"shape": 1.0, "scale": 0.5}, {"shape": 0.0, "scale": 2.0}, {"shape": 4.0, "scale": nan}],
    "beta": [{"a": a, "b": b} for a, b in ((0.5, 0.5), (1.0, 1.0), (0.1, 0.9), (1e-3, 1e-3), (1e-4, 1e-5), (2.0, 3.0),
                                           (0.5, 5.0), (5.0, 0.5), (1e5, 1e5), (1.0, 1.0000001), (nan, 1.0), (inf, 1.0),
                                           (0.5, inf))],
    "chisquare": [{"df": d} for d in (1.0, 2.0, 0.5, 10.0, 1e6, 5e-324, 1e-300, nan)],
}

# The methods whose span forms read draws in blocks get the three sizes; the rest one size per parameter set.
SIZES = {"standard_normal": (1, 7, 1000), "standard_exponential": (1, 7, 1000)}


def cases():
    out = []
    for method, sets in PARAMETER_SETS.items():
        dtypes = ("float64", "float32") if method in ("standard_normal", "standard_exponential") else ("float64",)
        for params in sets:
            for dtype in dtypes:
                for seed in SEEDS:
                    for size in SIZES.get(method, (7 if seed else 50,)):
                        if size == 1000 and seed not in (0, 1):
                            continue
                        gen = np.random.Generator(np.random.PCG64(seed))
                        with np.errstate(all="ignore"):
                            values = draw(gen, method, params, size, dtype)
                        out.append({"method": method, "dtype": dtype, "params": param_bits(params), "seed": seed,
                                    "size": size, "values": bits_of(values, dtype)})
    return out


def long_runs():
    out = []
    plans = [("standard_normal", "float64", ZIG_NOR_R, True), ("standard_normal", "float32", np.float32(ZIG_NOR_R), True),
             ("standard_exponential", "float64", ZIG_EXP_R, False), ("standard_exponential", "float32", np.float32(ZIG_EXP_R), False)]
    for method, dtype, tail_start, two_sided in plans:
        # Seeds with the most tail values in their first 2,000 draws, then plain seeds over 100,000 draws.
        scores = []
        for seed in range(400):
            values = draw(np.random.Generator(np.random.PCG64(seed)), method, {}, 2000, dtype)
            tail = np.abs(values) > tail_start if two_sided else values > tail_start
            scores.append((int(tail.sum()), seed))
        rich = [seed for _, seed in sorted(scores, key=lambda s: (-s[0], s[1]))[:3]]
        for seed, size in [(s, 2000) for s in rich] + [(s, 100_000) for s in SEEDS[:3]]:
            values = draw(np.random.Generator(np.random.PCG64(seed)), method, {}, size, dtype)
            tail = np.abs(values) > tail_start if two_sided else values > tail_start
            tail_indices = [int(i) for i in np.flatnonzero(tail)]
            indices = sorted(set(tail_indices) | set(range(0, size, 10_000)) | {size - 1})
            bits = bits_of(values, dtype)
            out.append({"method": method, "dtype": dtype, "seed": seed, "size": size,
                        "sha256": hashlib.sha256(values.tobytes()).hexdigest(),
                        "tail_values": len(tail_indices),
                        "checkpoints": [[i, bits[i]] for i in indices]})
    return out


INTERLEAVED_PATTERN = [
    ("standard_normal", {}, None, "float64"), ("standard_normal", {}, None, "float32"),
    ("standard_exponential", {}, None, "float32"), ("standard_exponential", {}, None, "float64"),
    ("standard_normal", {}, 3, "float32"), ("normal", {"loc": 2.0, "scale": 3.0}, None, "float64"),
    ("gamma", {"shape": 0.5, "scale": 2.0}, None, "float64"), ("standard_exponential", {}, 1, "float32"),
    ("standard_gamma", {"shape": 3.2}, 2, "float64"), ("beta", {"a": 0.3, "b": 0.4}, None, "float64"),
    ("standard_normal", {}, 5, "float64"), ("beta", {"a": 2.0, "b": 5.0}, None, "float64"),
    ("chisquare", {"df": 3.0}, None, "float64"), ("standard_exponential", {}, 4, "float64"),
    ("lognormal", {"mean": 0.0, "sigma": 0.5}, None, "float64"), ("exponential", {"scale": 2.0}, 2, "float64"),
    ("standard_gamma", {"shape": 0.0}, 2, "float64"), ("standard_normal", {}, None, "float32"),
    # Generator.Random (helper dist-a) shares the bit stream and, for float32, the buffered 32-bit half.
    ("random", {}, None, "float64"), ("random", {}, 3, "float32"), ("standard_exponential", {}, None, "float32"),
    ("random", {}, None, "float32"), ("random", {}, 2, "float64"),
]


def interleaved():
    out = []
    for seed in SEEDS:
        gen = np.random.Generator(np.random.PCG64(seed))
        calls = []
        for _ in range(12):
            for method, params, size, dtype in INTERLEAVED_PATTERN:
                values = draw(gen, method, params, size, dtype)
                calls.append({"method": method, "dtype": dtype, "params": param_bits(params), "size": size,
                              "values": bits_of(np.atleast_1d(values), dtype)})
        out.append({"seed": seed, "calls": calls})
    return out


BIT_GENERATORS = ["PCG64", "PCG64DXSM", "Philox", "SFC64", "MT19937"]
BITGEN_PLAN = [("standard_normal", {}, 300, "float64"), ("standard_exponential", {}, 300, "float64"),
               ("standard_normal", {}, 51, "float32"), ("standard_gamma", {"shape": 0.7}, 100, "float64"),
               ("standard_gamma", {"shape": 3.0}, 100, "float64"), ("beta", {"a": 0.5, "b": 0.5}, 50, "float64")]


def bitgen_cases():
    """The same methods over every bit generator (BitGen(seed) = BitGen(SeedSequence(seed))): MT19937's doubles are
    not the top bits of its 64-bit draws, so its span forms take another path."""
    out = []
    for name in BIT_GENERATORS:
        for method, params, size, dtype in BITGEN_PLAN:
            gen = np.random.Generator(getattr(np.random, name)(7))
            out.append({"bit_generator": name, "seed": 7, "method": method, "dtype": dtype, "params": param_bits(params),
                        "size": size, "values": bits_of(draw(gen, method, params, size, dtype), dtype)})
    return out


ERROR_CASES = [
    ("normal", {"loc": 0.0, "scale": -1.0}), ("normal", {"loc": 0.0, "scale": -0.0}), ("normal", {"loc": 0.0, "scale": -inf}),
    ("exponential", {"scale": -1e-300}), ("exponential", {"scale": -0.0}),
    ("lognormal", {"mean": 0.0, "sigma": -1.0}),
    ("standard_gamma", {"shape": -1.0}), ("standard_gamma", {"shape": -0.0}),
    ("gamma", {"shape": -1.0, "scale": 1.0}), ("gamma", {"shape": 1.0, "scale": -1.0}),
    ("beta", {"a": 0.0, "b": 1.0}), ("beta", {"a": 1.0, "b": -1.0}), ("beta", {"a": -inf, "b": 1.0}),
    ("chisquare", {"df": 0.0}), ("chisquare", {"df": -2.0}),
]


def errors():
    out = []
    for method, params in ERROR_CASES:
        try:
            draw(np.random.Generator(np.random.PCG64(0)), method, params, 1)
        except ValueError as e:
            out.append({"method": method, "params": param_bits(params), "message": str(e)})
        else:
            raise AssertionError(f"NumPy accepted {method}{params}")
    return out


write("dist_continuous.json", {"cases": cases(), "bitgen_cases": bitgen_cases(), "long_runs": long_runs(),
                               "interleaved": interleaved(), "errors": errors()})
