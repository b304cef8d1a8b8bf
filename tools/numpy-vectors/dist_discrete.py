"""Vectors for Generator's discrete distributions (NumPy 1.24, Generator(PCG64(seed))): poisson, binomial, geometric.

Writes dist_discrete.json:
- cases: one method and parameter set, `size` values from one call on a fresh PCG64(seed); tests replay them through
  the scalar and span forms. Parameters sit on NumPy's algorithm switches: lam around 10 (multiplication vs PTRS),
  n * min(p, 1 - p) around 30 (inversion vs BTPE), p around 0.5 (symmetry) and 1/3 (geometric search vs inversion).
- geometric_overflow: p so small that NumPy 1.24 casts a double >= 2^63 to int64 and returns INT64_MIN; the library
  returns long.MaxValue there instead (NumPy >= 1.25's answer), and the tests check exactly those positions.
- bitgen_cases: a few methods over each of NumPy's five bit generators seeded with 7.
- interleaved: one generator, a fixed mix of discrete and continuous calls, each call's values recorded.
- errors: parameters NumPy rejects, with its message; accepted edge parameters are in `cases`.
Floating parameters are IEEE bit patterns; integer results are JSON integers (all fit in int64).
"""
import numpy as np

from common import f64_bits, write

SEEDS = [0, 1, 42, 20261122]
POISSON_LAM_MAX = np.iinfo("l").max - np.sqrt(np.iinfo("l").max) * 10
nan, inf = float("nan"), float("inf")


def param_bits(params):
    return {k: (v if isinstance(v, int) else f64_bits([v])[0]) for k, v in params.items()}


PARAMETER_SETS = {
    "poisson": [{"lam": v} for v in (0.0, 1e-10, 0.5, 3.0, 9.99, np.nextafter(10.0, 0), 10.0, 10.01, 30.0, 1e3, 1e6,
                                     1e12, 1e18, float(POISSON_LAM_MAX))],
    "binomial": [{"n": n, "p": p} for n, p in (
        (0, 0.5), (10, 0.0), (10, 1.0), (10, 0.5), (1, 0.5), (100, 0.3), (100, 0.30000000000000004), (60, 0.5),
        (61, 0.5), (100, 0.7), (100, 0.69), (1000, 0.03), (31, 0.9999999), (2 ** 62, 0.5), (2 ** 40, 1e-10),
        (10 ** 9, 1e-9), (5, 1e-300), (10 ** 6, 0.999999), (20, 0.9999999), (500, 0.1), (10 ** 5, 0.45))],
    "geometric": [{"p": p} for p in (1.0, 0.9, 0.5, 1 / 3, np.nextafter(1 / 3, 0), 0.2, 1e-3, 1e-9, 1e-15, 1e-16)],
}


def cases():
    out = []
    for method, sets in PARAMETER_SETS.items():
        for params in sets:
            for seed in SEEDS:
                sizes = (1, 7, 200) if seed == 0 else (7,)
                for size in sizes:
                    gen = np.random.Generator(np.random.PCG64(seed))
                    values = getattr(gen, method)(**params, size=size)
                    out.append({"method": method, "params": param_bits(params), "seed": seed, "size": size,
                                "values": [int(v) for v in values]})
    return out


def geometric_overflow():
    out = []
    for p in (1e-300, 5e-324, 1e-17):
        for seed in SEEDS[:2]:
            values = np.random.Generator(np.random.PCG64(seed)).geometric(p, size=20)
            out.append({"params": param_bits({"p": p}), "seed": seed, "values": [int(v) for v in values]})
    return out


INTERLEAVED_PATTERN = [
    ("poisson", {"lam": 4.0}, None), ("binomial", {"n": 20, "p": 0.3}, None), ("standard_normal", {}, None),
    ("geometric", {"p": 0.5}, 2), ("poisson", {"lam": 25.0}, 3), ("binomial", {"n": 1000, "p": 0.4}, None),
    ("standard_exponential", {}, None), ("geometric", {"p": 0.01}, None), ("binomial", {"n": 1000, "p": 0.4}, 2),
    ("binomial", {"n": 50, "p": 0.9}, None), ("gamma", {"shape": 2.5, "scale": 1.0}, None), ("poisson", {"lam": 0.0}, 2),
    ("binomial", {"n": 0, "p": 0.3}, None),
    # Generator.Integers / Random / Uniform (helper dist-a): int64 ranges below 2^32 take buffered 32-bit draws.
    ("integers", {"low": 0, "high": 1000}, 3), ("poisson", {"lam": 12.5}, None), ("integers", {"low": -5, "high": 2 ** 40}, None),
    ("random", {}, 2), ("geometric", {"p": 0.2}, None), ("integers", {"low": 0, "high": 7}, None),
    ("uniform", {"low": -1.0, "high": 2.0}, None), ("binomial", {"n": 7, "p": 0.5}, 2),
]


def interleaved():
    out = []
    for seed in SEEDS:
        gen = np.random.Generator(np.random.PCG64(seed))
        calls = []
        for _ in range(12):
            for method, params, size in INTERLEAVED_PATTERN:
                values = np.atleast_1d(getattr(gen, method)(**params, size=size))
                is_float = values.dtype.kind == "f"
                calls.append({"method": method, "params": param_bits(params), "size": size,
                              "values": f64_bits(values) if is_float else [int(v) for v in values]})
        out.append({"seed": seed, "calls": calls})
    return out


BITGEN_PLAN = [("poisson", {"lam": 25.0}, 100), ("poisson", {"lam": 3.0}, 100), ("binomial", {"n": 100, "p": 0.4}, 100),
               ("binomial", {"n": 10, "p": 0.3}, 50), ("geometric", {"p": 0.05}, 50)]


def bitgen_cases():
    """The same methods over each of NumPy's five bit generators seeded with 7."""
    out = []
    for name in ["PCG64", "PCG64DXSM", "Philox", "SFC64", "MT19937"]:
        for method, params, size in BITGEN_PLAN:
            gen = np.random.Generator(getattr(np.random, name)(7))
            out.append({"bit_generator": name, "seed": 7, "method": method, "params": param_bits(params), "size": size,
                        "values": [int(v) for v in getattr(gen, method)(**params, size=size)]})
    return out


ERROR_CASES = [
    ("poisson", {"lam": -1.0}), ("poisson", {"lam": -1e-300}), ("poisson", {"lam": nan}), ("poisson", {"lam": inf}),
    ("poisson", {"lam": 1e300}), ("poisson", {"lam": float(np.nextafter(POISSON_LAM_MAX, inf))}),
    ("binomial", {"n": -1, "p": 0.5}), ("binomial", {"n": 5, "p": -0.1}), ("binomial", {"n": 5, "p": 1.0000000000000002}),
    ("binomial", {"n": 5, "p": nan}), ("binomial", {"n": -5, "p": nan}),
    ("geometric", {"p": 0.0}), ("geometric", {"p": -0.5}), ("geometric", {"p": 1.5}), ("geometric", {"p": nan}),
]


def errors():
    out = []
    for method, params in ERROR_CASES:
        try:
            getattr(np.random.Generator(np.random.PCG64(0)), method)(**params)
        except ValueError as e:
            out.append({"method": method, "params": param_bits(params), "message": str(e)})
        else:
            raise AssertionError(f"NumPy accepted {method}{params}")
    return out


write("dist_discrete.json", {
    "poisson_lam_max": f64_bits([POISSON_LAM_MAX])[0],
    "cases": cases(), "bitgen_cases": bitgen_cases(), "geometric_overflow": geometric_overflow(), "interleaved": interleaved(), "errors": errors(),
})
