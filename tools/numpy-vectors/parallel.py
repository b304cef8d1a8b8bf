"""Vectors for ParallelRandom: writes parallel.json.

Item i of a loop over n items draws from Generator(BitGen(root.spawn(n)[i])); a second loop on the same root continues
the spawn numbering. Each case gives the root (entropy as decimal strings, list or not, spawn key), the bit generator,
the loop sizes ("rounds") and, per round and item, the first three random() values as float64 bit patterns.
"""
import numpy as np

from common import f64_bits, write
from dist_ops import BIT_GENERATORS

DRAWS = 3


def case(entropy, bitgen="PCG64", rounds=(4,), spawn_key=()):
    root = np.random.SeedSequence(entropy, spawn_key=spawn_key)
    out = []
    for n in rounds:
        out.append([f64_bits(np.random.Generator(BIT_GENERATORS[bitgen](child)).random(DRAWS)) for child in root.spawn(n)])
    is_list = isinstance(entropy, list)
    return {
        "entropy": [str(e) for e in (entropy if is_list else [entropy])],
        "is_list": is_list,
        "spawn_key": [str(k) for k in spawn_key],
        "bitgen": bitgen,
        "rounds": list(rounds),
        "draws": out,
    }


def main():
    cases = [
        case(0),
        case(20261122, rounds=(3, 5)),
        case(2**128 - 1, rounds=(2,)),
        case([7, 2**40], rounds=(3,)),
        case(42, spawn_key=(5, 1), rounds=(3, 1)),
        case(1234, rounds=(100,)),
        case(42, bitgen="Philox", rounds=(3,)),
        case(42, bitgen="PCG64DXSM", rounds=(3,)),
        case(42, bitgen="SFC64", rounds=(3,)),
        case(9, bitgen="MT19937", rounds=(2, 2)),
    ]
    write("parallel.json", {"draws_per_item": DRAWS, "cases": cases})


if __name__ == "__main__":
    main()
