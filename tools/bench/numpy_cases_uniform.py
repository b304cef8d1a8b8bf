"""NumPy side of the Generator uniform-family cases (Rng.Benchmarks/Compare/UniformCases.cs): random, integers,
choice without replacement and shuffle. Same names, same sizes, ns per value."""
import numpy as np

N = 10**7
_rng = np.random.default_rng(12345)
_doubles = np.empty(N)
_shuffled = np.arange(10**6, dtype=np.int64)

CASES = {
    "random_double": (lambda: _rng.random(out=_doubles), N),
    "integers_0_1000": (lambda: _rng.integers(0, 1000, N), N),
    "choice_noreplace_1e3_of_1e6": (lambda: _rng.choice(10**6, 1000, replace=False), 1000),
    "shuffle_1e6": (lambda: _rng.shuffle(_shuffled), 10**6),
}
