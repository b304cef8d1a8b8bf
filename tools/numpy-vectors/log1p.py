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


# glibc's plain (non-FMA) log1p build, re-implemented with numpy ufuncs (which never fuse). On a CPU with FMA and
# AVX2, glibc runs its FMA build instead, which differs from this in the last bit for about 1 input -U in 2,000; the
# inputs where they differ are added so the tests pin the FMA build's rounding (see CMath.Log1p).
LP = [float.fromhex(h) for h in ("0x1.5555555555593p-1", "0x1.999999997fa04p-2", "0x1.2492494229359p-2",
                                 "0x1.c71c51d8e78afp-3", "0x1.7466496cb03dep-3", "0x1.39a09d078c69fp-3",
                                 "0x1.2f112df3e5244p-3")]
LN2_HI, LN2_LO = float.fromhex("0x1.62e42fee00000p-1"), float.fromhex("0x1.a39ef35793c76p-33")


def plain_build_log1p(x):
    """For -1 < x < 2^53 with |x| >= 2^-29 (the range searched below)."""
    hx = (x.view(np.int64) >> 32).astype(np.int32)
    no_reduction = (hx < 0x3FDA827A) & ((hx > 0) | (hx <= np.int32(-1076707645)))  # 0xbfd2bec3
    u = 1.0 + x
    hu = (u.view(np.int64) >> 32).astype(np.int32)
    k = (hu >> 20) - 1023
    c = np.where(k > 0, 1.0 - (u - x), x - (u - 1.0)) / u
    hu &= 0x000FFFFF
    halve = hu >= 0x6A09E
    high = np.where(halve, hu | 0x3FE00000, hu | 0x3FF00000).astype(np.int64)
    normalised = ((high << 32) | (u.view(np.int64) & 0xFFFFFFFF)).view(np.float64)
    k = np.where(halve, k + 1, k)
    f = np.where(no_reduction, x, normalised - 1.0)
    k = np.where(no_reduction, 0, k).astype(np.float64)
    c = np.where(no_reduction, 0.0, c)
    hfsq = 0.5 * f * f
    s = f / (2.0 + f)
    z = s * s
    z2, z4 = z * z, z * z * (z * z)
    r = z * LP[0] + z2 * (LP[1] + z * LP[2]) + z4 * (LP[3] + z * LP[4]) + z4 * z2 * (LP[5] + z * LP[6])
    return np.where(k == 0, f - (hfsq - s * (hfsq + r)), k * LN2_HI - ((hfsq - (s * (hfsq + r) + (k * LN2_LO + c))) - f))


libm = ctypes.CDLL(ctypes.util.find_library("m"))
libm.log1p.restype, libm.log1p.argtypes = ctypes.c_double, [ctypes.c_double]
libm.log1pf.restype, libm.log1pf.argtypes = ctypes.c_float, [ctypes.c_float]

def build_sensitive_inputs():
    """Inputs where glibc's FMA and plain log1p builds round differently (none if this CPU runs the plain build)."""
    candidates = np.concatenate([-rng.random(300_000), rng.uniform(-0.999, 3.0, 100_000)])
    candidates = candidates[np.abs(candidates) >= 2.0 ** -29]
    c_values = np.array([libm.log1p(float(x)) for x in candidates])
    differ = candidates[plain_build_log1p(candidates) != c_values]
    return differ[:150]


with np.errstate(all="ignore"):
    sensitive = build_sensitive_inputs()
    xd = np.concatenate([double_inputs(), sensitive])
    xf = float_inputs()
    yd = np.array([libm.log1p(float(x)) for x in xd], dtype=np.float64)
    yf = np.array([libm.log1pf(float(x)) for x in xf], dtype=np.float32)
    write("log1p.json", {
        "description": "C library log1p (float64) and log1pf (float32), as NumPy's samplers call them; IEEE bit patterns",
        "double": {"x": f64_bits(xd), "log1p": f64_bits(yd), "fma_build_sensitive_inputs": len(sensitive),
                   "ufunc_differs": int(np.sum(np.log1p(xd).view(np.uint64) != yd.view(np.uint64)))},
        "float": {"x": f32_bits(xf), "log1p": f32_bits(yf),
                  "ufunc_differs": int(np.sum(np.log1p(xf).view(np.uint32) != yf.view(np.uint32)))},
    })
