"""Vectors for the [ParallelStochastic] driver: worker i of count draws from BitGen(SeedSequence(seed).spawn(count)[i]).

Also covers a second spawn from the same root (a second driver call continues at child `count`)."""
import numpy as np

from common import f64_bits, write

SEED = 20261122
BIG_SEED = 0xFEDCBA9876543210  # a ulong above 2**63, as the driver's ulong overload accepts
COUNT = 5
DRAWS = 4
BIT_GENERATORS = {
    "Pcg64": np.random.PCG64,
    "Pcg64Dxsm": np.random.PCG64DXSM,
    "Philox": np.random.Philox,
    "Sfc64": np.random.SFC64,
    "Mt19937": np.random.MT19937,
}


def next_uint64(bit_generator, child, n):
    """NumPy's next_uint64: random_raw for the 64-bit generators; MT19937's raw output is 32-bit and its
    next_uint64 joins two outputs, the first one high (mt19937_next64)."""
    if bit_generator is np.random.MT19937:
        halves = bit_generator(child).random_raw(2 * n)
        return [(int(halves[2 * k]) << 32) | int(halves[2 * k + 1]) for k in range(n)]
    return [int(x) for x in bit_generator(child).random_raw(n)]


def workers(children, bit_generator):
    out = []
    for child in children:
        raw = next_uint64(bit_generator, child, DRAWS)
        doubles = np.random.Generator(bit_generator(child)).random(DRAWS)
        out.append({"next_uint64": raw, "random_bits": f64_bits(doubles)})
    return out


cases = []
for seed in (SEED, BIG_SEED):
    for name, bit_generator in BIT_GENERATORS.items():
        root = np.random.SeedSequence(seed)
        first = root.spawn(COUNT)
        second = root.spawn(COUNT)
        cases.append({
            "seed": seed,
            "bit_generator": name,
            "count": COUNT,
            "first_call": workers(first, bit_generator),
            "second_call": workers(second, bit_generator),
        })

write("parallel_driver.json", {
    "description": "worker i of a driver call = BitGen(SeedSequence(seed).spawn(count)[i]); second_call spawns again from the same root",
    "draws": DRAWS,
    "cases": cases,
})
