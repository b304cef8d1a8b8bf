"""Vectors for Generator.choice, shuffle and permutation: writes dist_choice.json.

Covers every branch of NumPy 1.24's choice: with replacement (bounded integers), with p (cdf + searchsorted),
without replacement by Floyd's hash-set algorithm (then shuffled or not), by the tail shuffle (pop_size > 10000 and
size > pop_size // 50, or // 20 when shuffle=False), and without replacement with p (renormalisation loop).
"""
from common import write
from dist_ops import bits, run_case

SEEDS = [0, 5, 42, 2**64 + 11]


def p_bits(values):
    return [bits(v) for v in values]


def choice(a=None, items=None, size=None, replace=True, p=None, shuffle=True):
    op = {"op": "choice", "size": size, "replace": replace, "shuffle": shuffle, "p": None if p is None else p_bits(p)}
    if items is not None:
        op["items"] = items
    else:
        op["a"] = a
    return op


def cases():
    out = []
    for seed in SEEDS:
        ops = []
        # With replacement, no p: integers(0, a).
        for a in (1, 2, 10, 1000, 2**32, 2**32 + 1, 2**40):
            for size in (None, 1, 5, 40):
                ops.append(choice(a, size=size))
        ops.append(choice(5, size=0))
        # Without replacement, no p: Floyd (small or sparse samples), tail shuffle (dense samples of > 10000).
        for a, size in ((1, 1), (5, 5), (10, 3), (100, 90), (1000, 1), (10001, 200), (20000, 30), (2**32, 1),
                        (2**32 + 1, 2), (2**40, 3)):
            for shuffle in (True, False):
                ops.append(choice(a, size=size, replace=False, shuffle=shuffle))
        for a in (1, 7, 2**32, 2**32 + 1):
            ops.append(choice(a, replace=False))
        for a, size, shuffle in ((10001, 201, True), (20000, 401, True), (20000, 1000, False), (20000, 1001, False),
                                 (12000, 600, True)):
            ops.append(choice(a, size=size, replace=False, shuffle=shuffle))
        if seed == SEEDS[0]:
            # The whole population (tail shuffle down to index 1); one seed keeps the file small.
            ops.append(choice(10001, size=10001, replace=False, shuffle=True))
            ops.append(choice(10001, size=10001, replace=False, shuffle=False))
        ops.append(choice(0, size=0, replace=False))
        ops.append({"op": "next_uint32"})
        out.append(run_case("PCG64", seed, ops))

    for seed in SEEDS:
        ops = []
        p_sets = [
            [0.1, 0.2, 0.3, 0.4],
            [0.25, 0.25, 0.25, 0.25],
            [0.0, 0.5, 0.0, 0.5],
            [1.0, 0.0, 0.0],
            [1e-300, 1.0 - 1e-12, 1e-12, 0.0],
            [0.5, 0.5 + 1e-9],
            [0.999, 0.0005, 0.0004, 0.0001],
            [0.1] * 10,
        ]
        for p in p_sets:
            for size in (None, 1, 7, 50):
                ops.append(choice(len(p), size=size, p=p))
            ops.append({"op": "next_uint32"})
        # Without replacement with p: the renormalisation loop (concentrated p forces repeats and several rounds).
        for p, size in (([0.1, 0.2, 0.3, 0.4], 3), ([0.1, 0.2, 0.3, 0.4], 4), ([0.0, 0.5, 0.0, 0.5], 2),
                        ([0.999, 0.0005, 0.0004, 0.0001], 4), ([0.1] * 10, 10), ([0.1] * 10, 1),
                        ([0.9] + [0.1 / 30] * 30, 25), ([1.0, 0.0, 0.0], 1)):
            ops.append(choice(len(p), size=size, replace=False, p=p))
            ops.append(choice(len(p), replace=False, p=p))
        ops.append({"op": "next_uint32"})
        out.append(run_case("PCG64", seed, ops))

    for seed in SEEDS[:2]:
        items = [10, -20, 30, 2**40, -50, 60, 70]
        ops = [
            choice(items=items),
            choice(items=items, size=5),
            choice(items=items, size=7, replace=False),
            choice(items=items, size=3, replace=False, shuffle=False),
            choice(items=items, size=4, p=[0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.4]),
            choice(items=items, size=4, replace=False, p=[0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.4]),
            choice(items=items, p=[0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0]),
            choice(items=items, replace=False),
        ]
        out.append(run_case("PCG64", seed, ops))

    # Shuffle and permutation (masked rejection on 32-bit draws, spare half included).
    for seed in SEEDS:
        ops = []
        for n in (0, 1, 2, 3, 10, 257, 1000):
            ops.append({"op": "shuffle", "n": n})
            ops.append({"op": "next_uint32"})
        for n in (0, 1, 5, 100):
            ops.append({"op": "permutation", "n": n})
        ops.append({"op": "permutation", "items": [3, 1, 4, 1, 5, 9, 2, 6]})
        out.append(run_case("PCG64", seed, ops))

    # Interleaved with the other methods.
    for seed in SEEDS:
        ops = [
            choice(10),
            {"op": "random", "size": 2},
            choice(1000, size=5, replace=False),
            {"op": "random_f32"},
            {"op": "shuffle", "n": 9},
            choice(4, size=3, p=[0.1, 0.2, 0.3, 0.4]),
            {"op": "integers", "dtype": "uint8", "low": 0, "high": 9, "endpoint": False, "size": 3},
            choice(20000, size=500, replace=False),
            {"op": "next_uint32"},
            {"op": "permutation", "n": 12},
            choice(4, size=2, replace=False, p=[0.1, 0.2, 0.3, 0.4]),
            {"op": "random_f32"},
            {"op": "next_uint64"},
        ]
        out.append(run_case("PCG64", seed, ops))

    for bitgen in ("PCG64DXSM", "Philox", "SFC64", "MT19937"):
        for seed in (0, 7):
            ops = [
                choice(50, size=5),
                choice(50, size=5, replace=False),
                choice(12000, size=300, replace=False),
                choice(3, size=4, p=[0.2, 0.3, 0.5]),
                {"op": "shuffle", "n": 30},
                {"op": "permutation", "n": 5},
                {"op": "next_uint32"},
                {"op": "next_uint64"},
            ]
            out.append(run_case(bitgen, seed, ops))
    return out


if __name__ == "__main__":
    write("dist_choice.json", {"cases": cases()})
