"""SeedSequence vectors: generate_state (uint32 and uint64 words) for small, 32/64/128/300-bit and list entropy,
spawn keys and pool sizes; spawn children and grandchildren; NumPy's repr text. Writes seedsequence.json into the
folder given as argv[1]. Integers that may exceed 64 bits are decimal strings; state words are JSON numbers."""
import numpy as np

from common import write

SeedSequence = np.random.SeedSequence

ENTROPIES = [
    0, 1, 5, 12345, 20261122, 2**32 - 1, 2**32, 2**63, 2**64 - 1, 2**64, 2**127 + 5, 2**128 - 1,
    # a 300-bit integer (10 words, more than the pool holds)
    2**299 + 3**180,
    [1, 2], [3, 20261122], [0], [], [2**64, 5], [2**200 + 1, 0, 7], [5, 2**32 - 1, 2**32, 1, 2, 3, 4, 5, 6],
]
SPAWN_KEYS = [(), (0,), (1, 2, 3), (2**40,), (2**70 + 3, 5)]
POOL_SIZES = [4, 5, 8]


def spec(entropy):
    if isinstance(entropy, list):
        return {"entropy": [str(e) for e in entropy], "is_list": True}
    return {"entropy": [str(entropy)], "is_list": False}


def words(array):
    return [int(v) for v in array]


def generate_state_cases():
    cases = []
    for entropy in ENTROPIES:
        for spawn_key in SPAWN_KEYS:
            for pool_size in POOL_SIZES:
                ss = SeedSequence(entropy, spawn_key=spawn_key, pool_size=pool_size)
                cases.append({**spec(entropy), "spawn_key": [str(k) for k in spawn_key], "pool_size": pool_size,
                              "uint32": words(ss.generate_state(19, np.uint32)),
                              "uint64": words(ss.generate_state(9, np.uint64))})
    return cases


def word_count_cases():
    ss = SeedSequence(12345, spawn_key=(1, 2))
    return [{"n_words": n, "uint32": words(ss.generate_state(n, np.uint32)),
             "uint64": words(ss.generate_state(n, np.uint64))} for n in (0, 1, 2, 3, 4, 5, 8, 9, 33)]


def described(ss):
    return {"spawn_key": [str(k) for k in ss.spawn_key], "n_children_spawned": ss.n_children_spawned,
            "state": words(ss.generate_state(4)), "repr": repr(ss)}


def spawn_cases():
    cases = []
    for entropy, spawn_key, pool_size in ((12345, (), 4), (2**128 - 1, (), 8), ([3, 20261122], (7,), 4), (0, (), 4)):
        root = SeedSequence(entropy, spawn_key=spawn_key, pool_size=pool_size)
        first = root.spawn(3)
        second = root.spawn(2)  # numbering continues at 3
        grandchildren = first[1].spawn(2)
        great = grandchildren[0].spawn(1)
        cases.append({**spec(entropy), "spawn_key": [str(k) for k in spawn_key], "pool_size": pool_size,
                      "first": [described(c) for c in first], "second": [described(c) for c in second],
                      "root_after": described(root), "child_1_after": described(first[1]),
                      "grandchildren_of_child_1": [described(g) for g in grandchildren],
                      "great_grandchild": described(great[0])})
    return cases


def repr_cases():
    cases = []
    for entropy in (0, 5, 2**64 + 1, ENTROPIES[12], [1, 2], [7], []):
        for spawn_key, pool_size, n_children in (((), 4, 0), ((0,), 4, 0), ((1, 2), 8, 0), ((), 4, 3),
                                                 ((2**40, 0, 9), 5, 12)):
            ss = SeedSequence(entropy, spawn_key=spawn_key, pool_size=pool_size, n_children_spawned=n_children)
            cases.append({**spec(entropy), "spawn_key": [str(k) for k in spawn_key], "pool_size": pool_size,
                          "n_children_spawned": n_children, "repr": repr(ss)})
    return cases


def main():
    write("seedsequence.json", {
        "generate_state": generate_state_cases(),
        "word_counts": word_count_cases(),
        "spawn": spawn_cases(),
        "repr": repr_cases(),
    })


if __name__ == "__main__":
    main()
