"""The SafeSeeding programs written with NumPy 1.24: prints the same lines as `dotnet run --project samples/SafeSeeding`.

Run with the interpreter that has NumPy (here /usr/bin/python3). Each block is the NumPy form of one C# file; the
parallel loops are plain loops here because every item's stream depends only on its index, not on the scheduling.
Usage: safe_seeding.py [shared|root-plus-id|clock|constant|string-hash|jumped|same-seed-sequence]...
"""
import hashlib
import sys

import numpy as np
from numpy.random import PCG64, Generator, Philox, SeedSequence, default_rng

ROOT = 0xB4D6914BAE4A0D040EE164F2E32F5015  # Seeds.Root
LOGGED_BY_EARLIER_RUN = 54164475843220750876467883130946822188  # LoggedEntropy.LoggedByEarlierRun


def row(values):
    return "[" + ", ".join(repr(v) for v in values) + "]"


def shared():  # PerItemStreams.cs
    children = SeedSequence(ROOT).spawn(20)
    print("big numbers:", row(int(default_rng(c).integers(0, 10**8)) for c in children))


def root_plus_id():  # WorkerIdAndRootSeedList.cs
    def run_experiment(root_seed):
        return [default_rng([worker_id, root_seed]).integers(0, 10, size=5).tolist() for worker_id in range(4)]

    run42, run43 = run_experiment(42), run_experiment(43)
    for worker_id in range(4):
        print(f"worker {worker_id}: root seed 42 {row(run42[worker_id])}   root seed 43 {row(run43[worker_id])}")


def clock():  # LoggedEntropy.cs
    children = SeedSequence(LOGGED_BY_EARLIER_RUN).spawn(4)
    print(f"replayed entropy {LOGGED_BY_EARLIER_RUN}")
    for worker_id, child in enumerate(children):
        print(f"worker {worker_id}: {row(default_rng(child).integers(0, 10, size=5).tolist())}")


def constant():  # PhiloxKeys.cs
    for worker_id in range(2):
        rng = Generator(Philox(key=ROOT + worker_id))
        print(f"worker {worker_id}: {row(rng.random(3).tolist())}")


def string_hash():  # StableTextSeed.cs
    entropy = int.from_bytes(hashlib.sha256("experiment-A".encode("utf-8")).digest(), "little")
    rng = default_rng(entropy)
    draws = [int(rng.integers(0, 10, dtype=np.int32)) for _ in range(5)]  # System.Random.Next(10) on AsRandom()
    print(f"experiment-A: entropy {entropy} draws {row(draws)}")


def jumped():  # NonOverlappingJumpedBlocks.cs
    root = PCG64(ROOT)
    blocked = [root.jumped(i) for i in range(10)]
    more = [root.jumped(10 + i) for i in range(10)]
    for name, bit_generator in [("blocked[0]", blocked[0]), ("blocked[1]", blocked[1]), ("blocked[9]", blocked[9]),
                                ("more[0]", more[0]), ("more[9]", more[9])]:
        print(f"{name}: {row(int(v) for v in bit_generator.random_raw(2))}")


def same_seed_sequence():  # SpawnedChildren.cs
    simulation, bootstrap = [Generator(PCG64(c)) for c in SeedSequence(ROOT).spawn(2)]
    print(f"simulation: {row(simulation.random(3).tolist())}")
    print(f"bootstrap:  {row(bootstrap.random(3).tolist())}")


PROGRAMS = {
    "shared": shared,
    "root-plus-id": root_plus_id,
    "clock": clock,
    "constant": constant,
    "string-hash": string_hash,
    "jumped": jumped,
    "same-seed-sequence": same_seed_sequence,
}

if __name__ == "__main__":
    unknown = [a for a in sys.argv[1:] if a not in PROGRAMS]
    if unknown:
        sys.exit(f"unknown program '{unknown[0]}'; usage: safe_seeding.py [{'|'.join(PROGRAMS)}]...")
    for name, program in PROGRAMS.items():
        if len(sys.argv) == 1 or name in sys.argv[1:]:
            print(f"== {name}")
            program()
