"""Vectors for Generator.random (float64, float32), uniform, bytes and spawn: writes dist_uniform.json."""
from common import write
from dist_ops import bits, run_case, spawn_case

SEEDS = [0, 1, 42, 12345, 2**64 - 1, 2**100 + 7]
SIZES = [None, 0, 1, 2, 3, 7, 64, 1000]


def cases():
    out = []
    for seed in SEEDS:
        ops = []
        for size in SIZES:
            ops.append({"op": "random", "size": size})
        for size in SIZES:
            ops.append({"op": "random_f32", "size": size})
        out.append(run_case("PCG64", seed, ops))

    # uniform: ordinary, negative, equal, huge and tiny ranges.
    params = [(0.0, 1.0), (-3.5, 2.25), (5.0, 5.0), (-1e300, 1e300), (1e-300, 2e-300), (0.1, 0.7), (-0.0, 0.0),
              (-2.0, -1.0)]
    for seed in SEEDS[:4]:
        ops = []
        for low, high in params:
            for size in (None, 5, 33):
                ops.append({"op": "uniform", "low": bits(low), "high": bits(high), "size": size})
        out.append(run_case("PCG64", seed, ops))

    # bytes: lengths around multiples of 4, and the spare half left by an odd number of 32-bit draws.
    for seed in SEEDS[:4]:
        ops = [{"op": "bytes", "length": n} for n in (0, 1, 2, 3, 4, 5, 7, 8, 9, 31, 100)]
        ops.append({"op": "next_uint32"})
        ops.append({"op": "bytes", "length": 5})
        ops.append({"op": "next_uint64"})
        ops.append({"op": "next_uint32"})
        out.append(run_case("PCG64", seed, ops))

    # Interleaved: float32 leaves a spare half that the next 32-bit consumer must take.
    for seed in SEEDS:
        ops = [
            {"op": "random_f32"},
            {"op": "random", "size": 3},
            {"op": "random_f32", "size": 3},
            {"op": "random_f32"},
            {"op": "next_uint32"},
            {"op": "random_f32", "size": 5},
            {"op": "uniform", "low": bits(-1.0), "high": bits(1.0)},
            {"op": "random_f32"},
            {"op": "bytes", "length": 6},
            {"op": "random_f32", "size": 2},
            {"op": "next_uint64"},
            {"op": "random"},
            {"op": "random_f32", "size": 1001},
            {"op": "next_uint32"},
        ]
        out.append(run_case("PCG64", seed, ops))

    # Long runs: several fill chunks and 32-bit blocks, with the spare half set on entry.
    for seed in (3, 2**80 + 1):
        ops = [
            {"op": "random", "size": 3001},
            {"op": "random_f32"},
            {"op": "random_f32", "size": 3001},
            {"op": "uniform", "low": bits(-7.0), "high": bits(3.0), "size": 2500},
            {"op": "bytes", "length": 1003},
            {"op": "random_f32", "size": 2048},
            {"op": "next_uint32"},
        ]
        out.append(run_case("PCG64", seed, ops))

    # Interleaved with the ziggurat methods, whose float32 form also takes 32-bit draws (spare half shared).
    for seed in (0, 99):
        ops = [
            {"op": "random_f32"},
            {"op": "standard_normal_f32"},
            {"op": "integers", "dtype": "int64", "low": 0, "high": 100, "endpoint": False, "size": 5},
            {"op": "standard_normal", "size": 3},
            {"op": "random_f32", "size": 3},
            {"op": "standard_normal_f32", "size": 3},
            {"op": "choice", "a": 50, "size": 4, "replace": False, "p": None, "shuffle": True},
            {"op": "standard_exponential"},
            {"op": "shuffle", "n": 7},
            {"op": "integers", "dtype": "uint8", "low": 0, "high": 10, "endpoint": False, "size": 5},
            {"op": "standard_normal_f32"},
            {"op": "uniform", "low": bits(1.0), "high": bits(2.0), "size": 3},
            {"op": "random_f32"},
            {"op": "standard_exponential", "size": 4},
            {"op": "next_uint32"},
        ]
        out.append(run_case("PCG64", seed, ops))

    # Other bit generators: MT19937's 32-bit draw is native (no spare half).
    for bitgen in ("PCG64DXSM", "Philox", "SFC64", "MT19937"):
        for seed in (0, 7):
            ops = [
                {"op": "random", "size": 5},
                {"op": "random_f32"},
                {"op": "random_f32", "size": 5},
                {"op": "next_uint32"},
                {"op": "random"},
                {"op": "uniform", "low": bits(2.0), "high": bits(3.0), "size": 4},
                {"op": "bytes", "length": 7},
                {"op": "random_f32", "size": 100},
                {"op": "next_uint64"},
            ]
            out.append(run_case(bitgen, seed, ops))
    return out


def spawns():
    child_ops = [{"op": "random", "size": 3}, {"op": "random_f32"}, {"op": "integers", "dtype": "int64", "low": 0,
                                                                       "high": 1000, "endpoint": False, "size": 4}]
    return [spawn_case(seed, counts, child_ops) for seed, counts in ((0, [3]), (42, [2, 3]), (2**70 + 5, [1, 1, 4]))]


if __name__ == "__main__":
    write("dist_uniform.json", {"cases": cases(), "spawn": spawns()})
