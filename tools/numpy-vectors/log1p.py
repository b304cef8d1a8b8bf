"""Vectors for the managed log1p / log1pf against the C library functions NumPy's samplers call.

NumPy's random module calls the C library's log1p and log1pf directly (the relocations in NumPy 1.24.2's
libnpyrandom.a name `log1p` and `log1pf`), so those are the oracle, called here through ctypes from the same libm
NumPy loads. The np.log1p ufunc is not: on AVX-512 machines it uses SVML and differs from libm in the last bit for
about one input in eight, so its values are recorded only for information ("ufunc_differs" counts).

Inputs cover every branch of s_log1p.c / s_log1pf.c: specials, |x| < 2^-54 and < 2^-29, the no-reduction range
-0.2929 < x < 0.41422, the 2^53 (2^25) switch, subnormals, values near -1, huge values, plus random inputs spread
over all magnitudes and the ziggurat tails' own arguments -U for uniform U (doubles and floats).
"""
import ctypes
import ctypes.util

import numpy as np

from common import f32_bits, f64_bits, write

rng = np.random.Generator(np.random.PCG64(20240601))


def double_inputs():
    special = [0.0, -0.0, np.inf, -np.inf, np.nan, -1.0, -2.0, -np.inf, 1.0, -0.5, 0.5,
               5e-324, -5e-324, 2.2250738585072014e-308, -2.2250738585072014e-308, np.finfo(np.float64).max,
               2.0 ** -54, -2.0 ** -54, np.nextafter(2.0 ** -54, 0), 2.0 ** -29, -2.0 ** -29, np.nextafter(2.0 ** -29, 0),
               0.41422, 0.4142135623730950, np.nextafter(0.41421356, 1), -0.2929, -0.29289321881345254,
               2.0 ** 53, np.nextafter(2.0 ** 53, 0), 2.0 ** 54, 1e300, 1e20, -1 + 2.0 ** -53, -1 + 2.0 ** -52,
               -0.9999999999, -0.75, 1e-20, -1e-20, 3.0, 7.0, 1e5, np.sqrt(2) - 1, np.sqrt(0.5) - 1]
    near_one = -1 + np.exp(-rng.uniform(0, 36, 300))          # x just above -1
    magnitudes = np.exp(rng.uniform(np.log(1e-320), np.log(1e308), 1000))
    signed = np.concatenate([magnitudes, -magnitudes[magnitudes < 1][:400]])
    moderate = rng.uniform(-0.999, 3.0, 500)
    tails = -rng.random(1000)                                    # log1p(-next_double) as the ziggurat tails use it
    tails_high = -(1 - np.exp(-rng.uniform(0, 36, 300)))       # U near 1: the deep tail
    bits = rng.integers(0, 2 ** 64, 200, dtype=np.uint64, endpoint=False).view(np.float64)  # any pattern at all
    return np.concatenate([np.array(special, dtype=np.float64), near_one, signed, moderate, tails, tails_high, bits])


def float_inputs():
    f = np.float32
    special = [0.0, -0.0, np.inf, -np.inf, np.nan, -1.0, -2.0, 1.0, -0.5, 0.5,
               1e-45, -1e-45, 1.1754944e-38, np.finfo(np.float32).max, 2.0 ** -54, -2.0 ** -54, 2.0 ** -29, -2.0 ** -29,
               0.41422, 0.41421357, -0.2929, -0.29289323, 2.0 ** 25, 2.0 ** 24, 2.0 ** 53, 1e30,
               -1 + 2.0 ** -24, -0.99999994, -0.75, 3.0, 7.0]
    near_one = (-1 + np.exp(-rng.uniform(0, 16, 300))).astype(f)
    magnitudes = np.exp(rng.uniform(np.log(1e-44), np.log(3e38), 1000)).astype(f)
    signed = np.concatenate([magnitudes, -magnitudes[magnitudes < 1][:400]])
    moderate = rng.uniform(-0.999, 3.0, 500).astype(f)
    tails = -rng.random(1000, dtype=f)
    tails_high = (-(1 - np.exp(-rng.uniform(0, 16, 300)))).astype(f)
    bits = rng.integers(0, 2 ** 32, 200, dtype=np.uint64).astype(np.uint32).view(f)
    return np.concatenate([np.array(special, dtype=f), near_one, signed, moderate, tails, tails_high, bits])


libm = ctypes.CDLL(ctypes.util.find_library("m"))
libm.log1p.restype, libm.log1p.argtypes = ctypes.c_double, [ctypes.c_double]
libm.log1pf.restype, libm.log1pf.argtypes = ctypes.c_float, [ctypes.c_float]

with np.errstate(all="ignore"):
    xd = double_inputs()
    xf = float_inputs()
    yd = np.array([libm.log1p(float(x)) for x in xd], dtype=np.float64)
    yf = np.array([libm.log1pf(float(x)) for x in xf], dtype=np.float32)
    write("log1p.json", {
        "description": "C library log1p (float64) and log1pf (float32), as NumPy's samplers call them; IEEE bit patterns",
        "double": {"x": f64_bits(xd), "log1p": f64_bits(yd),
                   "ufunc_differs": int(np.sum(np.log1p(xd).view(np.uint64) != yd.view(np.uint64)))},
        "float": {"x": f32_bits(xf), "log1p": f32_bits(yf),
                  "ufunc_differs": int(np.sum(np.log1p(xf).view(np.uint32) != yf.view(np.uint32)))},
    })
