"""NumPy side of the speed comparison: bit generators and seeding.

Every numpy_cases*.py module defines CASES = {"case_name": (callable, values_per_call)}; numpy_bench.py times
each callable (timeit, best of N) and reports ns per value. Names must match Rng.Benchmarks' ICompareCase.Name.
Distribution helpers add tools/bench/numpy_cases_<area>.py beside this file (and Rng.Benchmarks/Compare/<Area>Cases.cs).
"""
import numpy as np

N = 10**7


def _raw(bit_generator):
    return lambda: bit_generator.random_raw(N)


_root = np.random.SeedSequence(12345)

CASES = {
    "pcg64_raw": (_raw(np.random.PCG64(12345)), N),
    "pcg64dxsm_raw": (_raw(np.random.PCG64DXSM(12345)), N),
    "philox_raw": (_raw(np.random.Philox(12345)), N),
    "sfc64_raw": (_raw(np.random.SFC64(12345)), N),
    # MT19937.random_raw returns the 32-bit twister outputs.
    "mt19937_raw": (_raw(np.random.MT19937(12345)), N),
    # One spawned child and a PCG64 seeded from it: the per-work-item set-up cost.
    "seedseq_child_pcg64": (lambda: np.random.PCG64(_root.spawn(1)[0]), 1),
}
