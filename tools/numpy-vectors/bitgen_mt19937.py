"""MT19937 vectors in the shape BitGeneratorConformanceTests replays: raw draws (NumPy's random_raw gives the
32-bit outputs), interleaved next_uint32/next_uint64/next_double, state after seeding and after draws, jumped
(incl. NumPy 1.24's no-op for jumps <= 0) and spawn. Writes bitgen_mt19937.json into the folder given as argv[1]."""
import numpy as np

from bitgen_more_helpers import draw, make, op_pattern, raw, seed_spec, words
from bitgen_pcg import spawn_cases
from common import write

MT19937 = np.random.MT19937
SEEDS = [seed_spec(0), seed_spec(12345), seed_spec(2**64 - 1), seed_spec(2**100 + 7), seed_spec(12345, [3, 1])]


def state(bg):
    s = bg.state["state"]
    return {"key": words(s["key"]), "pos": int(s["pos"])}


def main():
    raw_cases = [{"seed": spec, "values": raw(make(MT19937, spec), 1000)} for spec in SEEDS]
    seeded = [{"seed": spec, "state": state(make(MT19937, spec))} for spec in SEEDS[:2]]

    interleaved = []
    for i, spec in enumerate(SEEDS[:3]):
        ops = op_pattern(700, 200 + i)  # > 624 outputs, so the pattern crosses a regeneration
        bg = make(MT19937, spec)
        interleaved.append({"seed": spec, "ops": ops, "values": draw(bg, ops), "state_after": state(bg)})

    states = []
    for ops in (["u32"], ["u64"] * 400, ["u32"] * 625):
        bg = make(MT19937, SEEDS[1])
        draw(bg, ops)
        states.append({"seed": SEEDS[1], "ops": ops, "state": state(bg)})

    jumps = []
    for draws_before, chain in ((0, [1]), (1, [1]), (0, [3]), (0, [1, 1]), (700, [2]), (5, [-1]), (5, [0])):
        before_ops = ["u32"] * draws_before
        bg = make(MT19937, SEEDS[1])
        draw(bg, before_ops)
        original = state(bg)
        jumped = bg
        for jumps_count in chain:
            jumped = jumped.jumped(jumps_count)
        assert state(bg) == original  # jumped() leaves its source alone
        jumps.append({"seed": SEEDS[1], "ops_before": before_ops, "jumps": chain,
                      "state_after": state(jumped), "next": raw(jumped, 12)})

    write("bitgen_mt19937.json", {
        "generator": "MT19937",
        "raw": raw_cases,
        "state_after_seeding": seeded,
        "interleaved": interleaved,
        "state_after_draws": states,
        "jumped": jumps,
        "spawn": [spawn_cases(MT19937, SEEDS[1]), spawn_cases(MT19937, SEEDS[4])],
    })


if __name__ == "__main__":
    main()
