"""Vectors for Generator.integers (int64, int32, uint64, uint32, uint8): writes dist_integers.json.

Ranges cover every branch of NumPy's bounded generators: rng == 0, 32-bit buffered Lemire (with heavy rejection),
rng == 2**32 - 1 (plain next_uint32), 64-bit Lemire, rng == 2**64 - 1 (plain next_uint64), and the uint8 byte buffer.
Each call is recorded twice: scalar (size None) and bulk, then probed with next_uint32 so the spare half is checked.
"""
from common import write
from dist_ops import run_case

SEEDS = [0, 1, 42, 987654321, 2**64 - 1, 2**128 + 3]
SIZES = [None, 1, 2, 3, 4, 5, 9, 40]

RANGES = {
    "int64": [(0, 1, False), (0, 2, False), (0, 1000, False), (-5, 5, False), (-5, 5, True), (0, 2**32 - 1, False),
              (0, 2**32, False), (0, 2**32 + 1, False), (-2**31, 2**31, False), (0, 2**31 + 1, True),
              (0, 2**63 - 1, True), (-2**63, -1, True), (-2**62, 2**62, False), (-2**63, 2**63 - 1, True),
              (-2**63, 2**63 - 1, False), (5, 5, True), (-2**63, 3 * 2**61, False), (10**18, 10**18 + 3, False)],
    "uint64": [(0, 2**64 - 1, True), (0, 2**64 - 1, False), (2**63, 2**64 - 1, True), (0, 2**32, False),
               (0, 2**32 + 1, False), (10, 20, False), (0, 2**63, False), (0, 3 * 2**62, False), (7, 7, True)],
    "int32": [(0, 1, False), (-2**31, 2**31 - 1, True), (-2**31, 2**31 - 1, False), (-100, 100, False),
              (0, 2**31 - 1, False), (-2**31, 1, False), (0, 2**30 + 1, True)],
    "uint32": [(0, 2**32 - 1, True), (0, 2**32 - 1, False), (7, 8, False), (0, 1000, False),
               (2**31, 2**32 - 1, True), (0, 2**31 + 1, True)],
    "uint8": [(0, 255, True), (0, 255, False), (0, 1, False), (0, 2, False), (10, 200, False), (0, 128, True),
              (3, 3, True), (250, 255, True)],
}


def ranges_cases():
    out = []
    for seed in SEEDS:
        ops = []
        for dtype, ranges in RANGES.items():
            for low, high, endpoint in ranges:
                for size in SIZES:
                    ops.append({"op": "integers", "dtype": dtype, "low": low, "high": high, "endpoint": endpoint,
                                "size": size})
                ops.append({"op": "next_uint32"})
        out.append(run_case("PCG64", seed, ops))
    return out


def interleaved_cases():
    out = []
    for seed in SEEDS:
        ops = [
            {"op": "integers", "dtype": "int64", "low": 0, "high": 10, "endpoint": False},
            {"op": "random", "size": 3},
            {"op": "integers", "dtype": "uint8", "low": 0, "high": 100, "endpoint": False, "size": 7},
            {"op": "random"},
            {"op": "integers", "dtype": "int64", "low": 0, "high": 10, "endpoint": False, "size": 5},
            {"op": "random_f32"},
            {"op": "integers", "dtype": "uint64", "low": 0, "high": 2**40, "endpoint": False, "size": 3},
            {"op": "integers", "dtype": "int32", "low": -7, "high": 7, "endpoint": True},
            {"op": "integers", "dtype": "uint8", "low": 0, "high": 255, "endpoint": True},
            {"op": "integers", "dtype": "uint8", "low": 0, "high": 255, "endpoint": True, "size": 6},
            {"op": "next_uint32"},
            {"op": "integers", "dtype": "uint32", "low": 0, "high": 2**32 - 1, "endpoint": True, "size": 3},
            {"op": "random_f32", "size": 3},
            {"op": "integers", "dtype": "int64", "low": -2**63, "high": 2**63 - 1, "endpoint": True, "size": 2},
            {"op": "next_uint32"},
            {"op": "integers", "dtype": "int64", "low": 0, "high": 1000, "endpoint": False, "size": 1001},
            {"op": "next_uint32"},
            {"op": "integers", "dtype": "int64", "low": 0, "high": 3, "endpoint": False, "size": 64},
            {"op": "next_uint64"},
        ]
        out.append(run_case("PCG64", seed, ops))
    # Long runs: several 32-bit blocks with rejections, the spare half set on entry.
    for seed in (3, 2**80 + 1):
        ops = [
            {"op": "next_uint32"},
            {"op": "integers", "dtype": "int64", "low": 0, "high": 1000, "endpoint": False, "size": 3001},
            {"op": "integers", "dtype": "int64", "low": 0, "high": 2**31 + 1, "endpoint": False, "size": 2001},
            {"op": "integers", "dtype": "uint32", "low": 5, "high": 2**31 + 7, "endpoint": False, "size": 2001},
            {"op": "integers", "dtype": "int32", "low": -2**31, "high": 2**31 - 1, "endpoint": True, "size": 1001},
            {"op": "next_uint32"},
            {"op": "integers", "dtype": "uint64", "low": 0, "high": 3 * 2**62, "endpoint": False, "size": 501},
            {"op": "integers", "dtype": "uint8", "low": 0, "high": 128, "endpoint": True, "size": 1001},
            {"op": "next_uint64"},
        ]
        out.append(run_case("PCG64", seed, ops))
    for bitgen in ("PCG64DXSM", "Philox", "SFC64", "MT19937"):
        for seed in (0, 7):
            ops = [
                {"op": "integers", "dtype": "int64", "low": 0, "high": 1000, "endpoint": False, "size": 5},
                {"op": "integers", "dtype": "int64", "low": 0, "high": 1000, "endpoint": False},
                {"op": "next_uint32"},
                {"op": "integers", "dtype": "uint8", "low": 0, "high": 200, "endpoint": False, "size": 9},
                {"op": "integers", "dtype": "uint64", "low": 0, "high": 2**64 - 1, "endpoint": True, "size": 3},
                {"op": "integers", "dtype": "int64", "low": 0, "high": 2**50, "endpoint": False, "size": 3},
                {"op": "integers", "dtype": "uint32", "low": 0, "high": 2**32 - 1, "endpoint": True, "size": 3},
                {"op": "integers", "dtype": "int32", "low": -5, "high": 5, "endpoint": False, "size": 101},
                {"op": "next_uint64"},
            ]
            out.append(run_case(bitgen, seed, ops))
    return out


if __name__ == "__main__":
    write("dist_integers.json", {"ranges": ranges_cases(), "interleaved": interleaved_cases()})
