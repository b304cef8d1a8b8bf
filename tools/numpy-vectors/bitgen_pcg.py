"""PCG64 and PCG64DXSM vectors, in the shape BitGeneratorConformanceTests replays (see the comment at the top of
Rng.Runtime.Tests/Conformance/BitGeneratorConformanceTests.cs): raw draws for several seeds (big ones included),
interleaved next_uint32/next_uint64/next_double via bit_generator.ctypes, state after seeding and after draws,
advance by small, huge (> 2^128) and negative deltas, jumped(1), jumped(3), jumped-then-jumped, and spawn.
Writes bitgen_pcg64.json and bitgen_pcg64dxsm.json into the folder given as argv[1].

spawn_cases() is importable by the other bitgen_*.py scripts (NumPy 1.24 has no bit_generator.spawn, so it does
what NumPy 1.25's does: type(bg)(s) for s in bg._seed_seq.spawn(n))."""
import numpy as np

from bitgen_more_helpers import draw, make, op_pattern, raw, seed_spec
from common import write

SEEDS = [seed_spec(0), seed_spec(12345), seed_spec(0xDEADBEAF), seed_spec(2**64 - 1), seed_spec(2**100 + 7),
         seed_spec(2**300 - 12345), seed_spec(12345, [3, 1])]


def pcg_state(bg):
    s = bg.state
    return {
        "state": str(s["state"]["state"]),
        "increment": str(s["state"]["inc"]),
        "hasBufferedUInt32": bool(s["has_uint32"]),
        "bufferedUInt32": int(s["uinteger"]),
    }


def spawn_cases(cls, spec, values_per_child=8):
    """Two spawn calls on one generator (the second continues the child numbering), then grandchildren of a child."""
    bg = make(cls, spec)
    spawns = []
    for count in (2, 3):
        children = [cls(s) for s in bg._seed_seq.spawn(count)]
        spawns.append({"count": count, "children": [
            {"spawn_key": [int(k) for k in c._seed_seq.spawn_key], "values": raw(c, values_per_child)}
            for c in children]})
    child = cls(bg._seed_seq.spawn(1)[0])  # the sixth child, spawn key (5,)
    grandchildren = [cls(s) for s in child._seed_seq.spawn(2)]
    return {
        "seed": spec,
        "spawns": spawns,
        "grandchildren": {"child_spawn_key": [int(k) for k in child._seed_seq.spawn_key], "count": 2, "children": [
            {"spawn_key": [int(k) for k in g._seed_seq.spawn_key], "values": raw(g, values_per_child)}
            for g in grandchildren]},
    }


def vectors(cls, pattern_base):
    raw_cases = [{"seed": spec, "values": raw(make(cls, spec), 1000)} for spec in SEEDS]
    seeded = [{"seed": spec, "state": pcg_state(make(cls, spec))} for spec in SEEDS]

    interleaved = []
    for i, spec in enumerate(SEEDS[:4]):
        ops = op_pattern(300, pattern_base + i)
        bg = make(cls, spec)
        interleaved.append({"seed": spec, "ops": ops, "values": draw(bg, ops), "state_after": pcg_state(bg)})

    states = []
    for ops in (["u64"] * 3, ["u32"], ["u32", "u32"], ["u32", "u64"], ["u32", "u64", "f64", "u32", "u32", "u32"]):
        bg = make(cls, SEEDS[1])
        draw(bg, ops)
        states.append({"seed": SEEDS[1], "ops": ops, "state": pcg_state(bg)})

    advances = []
    for before_ops, delta in ((["u64"] * 2, 1), ([], 5), (["u32"], 0), (["u32"], 1000), (["u64"], 2**64 + 3),
                              ([], 2**127 + 12345), (["u64"] * 3, -1), (["u64"] * 3, -3), ([], -(2**100)),
                              ([], 2**128), ([], 2**128 + 2), ([], 2**200 + 2**64 + 9), ([], -(2**300) - 1)):
        bg = make(cls, SEEDS[1])
        draw(bg, before_ops)
        bg.advance(delta)
        advances.append({"seed": SEEDS[1], "ops_before": before_ops, "delta": str(delta),
                         "state_after": pcg_state(bg), "next": raw(bg, 12)})

    jumps = []
    for before_ops, chain in ((["u64"], [1]), ([], [3]), (["u32"], [1]), (["u32", "u64"], [-1]), ([], [1, 1]),
                              ([], [3, 2]), ([], [2, -2]), ([], [0]), ([], [-7])):
        bg = make(cls, SEEDS[1])
        draw(bg, before_ops)
        original = pcg_state(bg)
        jumped = bg
        for jumps_count in chain:
            jumped = jumped.jumped(jumps_count)
        assert pcg_state(bg) == original  # jumped() leaves its source alone
        jumps.append({"seed": SEEDS[1], "ops_before": before_ops, "jumps": chain,
                      "state_after": pcg_state(jumped), "next": raw(jumped, 12)})

    return {
        "generator": cls.__name__,
        "raw": raw_cases,
        "state_after_seeding": seeded,
        "interleaved": interleaved,
        "state_after_draws": states,
        "advance": advances,
        "jumped": jumps,
        "spawn": [spawn_cases(cls, SEEDS[1]), spawn_cases(cls, SEEDS[5]), spawn_cases(cls, SEEDS[6])],
    }


def main():
    write("bitgen_pcg64.json", vectors(np.random.PCG64, 300))
    write("bitgen_pcg64dxsm.json", vectors(np.random.PCG64DXSM, 400))


if __name__ == "__main__":
    main()
