"""SFC64 vectors in the shape BitGeneratorConformanceTests replays: raw draws, interleaved 32/64/double draws,
state after seeding and after draws, spawn. Writes bitgen_sfc64.json into the folder given as argv[1]."""
import numpy as np

from bitgen_more_helpers import draw, make, op_pattern, raw, seed_spec, words
from bitgen_pcg import spawn_cases
from common import write

SFC64 = np.random.SFC64
SEEDS = [seed_spec(0), seed_spec(12345), seed_spec(2**64 - 1), seed_spec(2**100 + 7), seed_spec(12345, [3, 1])]


def state(bg):
    s = bg.state
    return {
        "state": words(s["state"]["state"]),
        "hasBufferedUInt32": bool(s["has_uint32"]),
        "bufferedUInt32": int(s["uinteger"]),
    }


def main():
    raw_cases = [{"seed": spec, "values": raw(make(SFC64, spec), 1000)} for spec in SEEDS]
    seeded = [{"seed": spec, "state": state(make(SFC64, spec))} for spec in SEEDS]

    interleaved = []
    for i, spec in enumerate(SEEDS[:3]):
        ops = op_pattern(300, 100 + i)
        bg = make(SFC64, spec)
        interleaved.append({"seed": spec, "ops": ops, "values": draw(bg, ops), "state_after": state(bg)})

    states = []
    for ops in (["u64"] * 3, ["u32"], ["u32", "u32"], ["u32", "u64", "f64"]):
        bg = make(SFC64, SEEDS[1])
        draw(bg, ops)
        states.append({"seed": SEEDS[1], "ops": ops, "state": state(bg)})

    write("bitgen_sfc64.json", {
        "generator": "SFC64",
        "raw": raw_cases,
        "state_after_seeding": seeded,
        "interleaved": interleaved,
        "state_after_draws": states,
        "spawn": [spawn_cases(SFC64, SEEDS[1]), spawn_cases(SFC64, SEEDS[4])],
    })


if __name__ == "__main__":
    main()
