"""Philox (4x64-10) vectors in the shape BitGeneratorConformanceTests replays: raw draws, state after seeding,
interleaved 32/64/double draws, state after draws, advance, jumped, spawn, plus explicit key and counter and
seed with counter. Writes bitgen_philox.json into the folder given as argv[1]."""
import numpy as np

from bitgen_more_helpers import draw, make, op_pattern, raw, seed_spec, words
from bitgen_pcg import spawn_cases
from common import write

Philox = np.random.Philox
SEEDS = [seed_spec(0), seed_spec(12345), seed_spec(2**64 - 1), seed_spec(2**100 + 7), seed_spec(12345, [3, 1])]


def state(bg):
    s = bg.state
    return {
        "counter": words(s["state"]["counter"]),
        "key": words(s["state"]["key"]),
        "buffer": words(s["buffer"]),
        "bufferPosition": int(s["buffer_pos"]),
        "hasBufferedUInt32": bool(s["has_uint32"]),
        "bufferedUInt32": int(s["uinteger"]),
    }


def main():
    raw_cases = [{"seed": spec, "values": raw(make(Philox, spec), 1000)} for spec in SEEDS]
    seeded = [{"seed": spec, "state": state(make(Philox, spec))} for spec in SEEDS]

    interleaved = []
    for i, spec in enumerate(SEEDS[:3]):
        ops = op_pattern(300, i)
        bg = make(Philox, spec)
        interleaved.append({"seed": spec, "ops": ops, "values": draw(bg, ops), "state_after": state(bg)})

    states = []
    for ops in (["u64"] * 3, ["u64"] * 4, ["u32"], ["u32", "u64", "u64"], ["f64"] * 6 + ["u32"] * 3):
        bg = make(Philox, SEEDS[1])
        draw(bg, ops)
        states.append({"seed": SEEDS[1], "ops": ops, "state": state(bg)})

    advances = []
    for before_ops, delta in ((["u64"] * 2, 1), ([], 5), (["u32"], 0), (["u64"], 2**64 + 3),
                              ([], 2**255 + 12345), (["u64"] * 3, -1), ([], -(2**200)), ([], 2**256 + 2),
                              ([], -(2**300) - 1)):
        bg = make(Philox, SEEDS[1])
        draw(bg, before_ops)
        bg.advance(delta)
        advances.append({"seed": SEEDS[1], "ops_before": before_ops, "delta": str(delta),
                         "state_after": state(bg), "next": raw(bg, 12)})

    jumps = []
    for before_ops, chain in ((["u64"], [1]), ([], [3]), (["u32", "u64"], [-1]), ([], [1, 1]), ([], [2, -2]),
                              ([], [0])):
        bg = make(Philox, SEEDS[1])
        draw(bg, before_ops)
        original = state(bg)
        jumped = bg
        for jumps_count in chain:
            jumped = jumped.jumped(jumps_count)
        assert state(bg) == original  # jumped() leaves its source alone
        jumps.append({"seed": SEEDS[1], "ops_before": before_ops, "jumps": chain,
                      "state_after": state(jumped), "next": raw(jumped, 12)})

    explicit = []
    for key, counter in ((0, 0), (2**96 + 2**33 + 2**17 + 2**9, 0), (2**128 - 1, 2**256 - 2),
                         (12345, 2**64 - 1), (7, 2**192 - 1), (2**64, 123456789)):
        bg = Philox(key=key, counter=counter)
        explicit.append({"key": str(key), "counter": str(counter), "values": raw(bg, 12), "state_after": state(bg)})

    seeded_counter = []
    for counter in (0, 5, 2**256 - 1):
        bg = Philox(np.random.SeedSequence(12345), counter=counter)
        seeded_counter.append({"seed": SEEDS[1], "counter": str(counter), "values": raw(bg, 12)})

    write("bitgen_philox.json", {
        "generator": "Philox",
        "raw": raw_cases,
        "state_after_seeding": seeded,
        "interleaved": interleaved,
        "state_after_draws": states,
        "advance": advances,
        "jumped": jumps,
        "explicit_key": explicit,
        "seed_and_counter": seeded_counter,
        "spawn": [spawn_cases(Philox, SEEDS[1]), spawn_cases(Philox, SEEDS[4])],
    })


if __name__ == "__main__":
    main()
