"""NumPy side of the speed comparison for the ziggurat distributions (Rng.Benchmarks/Compare/NormalCases.cs):
10^7 values into a preallocated array via `out=`, as the .NET side fills a preallocated span."""
import numpy as np

N = 10**7


def _fill(bit_generator, method, *args):
    generator = np.random.Generator(bit_generator)
    out = np.empty(N)
    fn = getattr(generator, method)
    return lambda: fn(*args, out=out)


def _fill_f32(bit_generator):
    generator = np.random.Generator(bit_generator)
    out = np.empty(N, dtype=np.float32)
    return lambda: generator.standard_normal(out=out, dtype=np.float32)


CASES = {
    "standard_normal_f32": (_fill_f32(np.random.PCG64(12345)), N),
    "standard_normal": (_fill(np.random.PCG64(12345), "standard_normal"), N),
    "standard_exponential": (_fill(np.random.PCG64(12345), "standard_exponential"), N),
    "standard_normal_mt19937": (_fill(np.random.MT19937(12345), "standard_normal"), N),
    "standard_gamma_2.5": (_fill(np.random.PCG64(12345), "standard_gamma", 2.5), N),
}
