"""Operation runner shared by dist_uniform.py, dist_integers.py and dist_choice.py (a library; running it writes nothing).

A case is {"bitgen": name, "seed": decimal string, "ops": [op, ...]}. Every op names a Generator call and records NumPy's
output in "out" (always a list; "size": null means the scalar call, whose one value is out[0]):
  random        {size}                                   float64 bit patterns
  random_f32    {size}                                   float32 bit patterns
  uniform       {low, high (float64 bits), size}         float64 bit patterns
  integers      {dtype, low, high, endpoint, size}       integers (int64/uint64 fit JSON numbers)
  bytes         {length}                                 lowercase hex string
  choice        {a | items, size, replace, p (float64 bits) | null, shuffle}   integers
  shuffle       {n}                                      arange(n) after shuffle
  permutation   {n | items}                              integers
  standard_normal, standard_normal_f32, standard_exponential {size}   bit patterns (to interleave with them)
  next_uint32 / next_uint64                              the bit generator's raw next_uint32 / next_uint64
The C# tests replay the ops on the same bit generator and compare value for value.
"""
import numpy as np

from common import f32_bits, f64_bits

BIT_GENERATORS = {
    "PCG64": np.random.PCG64,
    "PCG64DXSM": np.random.PCG64DXSM,
    "Philox": np.random.Philox,
    "SFC64": np.random.SFC64,
    "MT19937": np.random.MT19937,
}


def from_bits(bits):
    return float(np.array([bits], dtype=np.uint64).view(np.float64)[0])


def as_list(value):
    return list(np.atleast_1d(np.asarray(value)).ravel())


def run_op(gen, op):
    name = op["op"]
    size = op.get("size")
    bg = gen.bit_generator
    if name == "random":
        return f64_bits(as_list(gen.random(size)))
    if name == "random_f32":
        return f32_bits(as_list(gen.random(size, dtype=np.float32)))
    if name == "uniform":
        return f64_bits(as_list(gen.uniform(from_bits(op["low"]), from_bits(op["high"]), size)))
    if name == "integers":
        dtype = {"int64": np.int64, "int32": np.int32, "uint64": np.uint64, "uint32": np.uint32, "uint8": np.uint8}[op["dtype"]]
        values = gen.integers(op["low"], op["high"], size=size, dtype=dtype, endpoint=op["endpoint"])
        return [int(v) for v in as_list(values)]
    if name == "bytes":
        return gen.bytes(op["length"]).hex()
    if name == "choice":
        a = np.array(op["items"], dtype=np.int64) if "items" in op else op["a"]
        p = None if op.get("p") is None else np.array(op["p"], dtype=np.uint64).view(np.float64)
        values = gen.choice(a, size=size, replace=op["replace"], p=p, shuffle=op["shuffle"])
        return [int(v) for v in as_list(values)]
    if name == "shuffle":
        x = np.arange(op["n"], dtype=np.int64)
        gen.shuffle(x)
        return [int(v) for v in x]
    if name == "permutation":
        x = np.array(op["items"], dtype=np.int64) if "items" in op else op["n"]
        return [int(v) for v in gen.permutation(x)]
    if name == "standard_normal":
        return f64_bits(as_list(gen.standard_normal(size)))
    if name == "standard_normal_f32":
        return f32_bits(as_list(gen.standard_normal(size, dtype=np.float32)))
    if name == "standard_exponential":
        return f64_bits(as_list(gen.standard_exponential(size)))
    if name == "next_uint32":
        return [int(bg.ctypes.next_uint32(bg.ctypes.state))]
    if name == "next_uint64":
        return [int(bg.ctypes.next_uint64(bg.ctypes.state))]
    raise ValueError(f"unknown op {name}")


def run_case(bitgen, seed, ops):
    gen = np.random.Generator(BIT_GENERATORS[bitgen](seed))
    recorded = []
    for op in ops:
        op = dict(op)
        op.setdefault("size", None)
        op["out"] = run_op(gen, op)
        recorded.append(op)
    return {"bitgen": bitgen, "seed": str(seed), "ops": recorded}


def spawn_case(seed, counts, child_ops):
    """NumPy 1.25's Generator.spawn, done by hand on 1.24: children of the bit generator's SeedSequence.

    Spawns once per entry of counts (later calls continue the child numbering, as NumPy's do)."""
    gen = np.random.default_rng(seed)
    rounds = []
    for n_children in counts:
        children = []
        for child_seq in gen.bit_generator._seed_seq.spawn(n_children):
            child = np.random.Generator(np.random.PCG64(child_seq))
            ops = []
            for op in child_ops:
                op = dict(op)
                op.setdefault("size", None)
                op["out"] = run_op(child, op)
                ops.append(op)
            children.append(ops)
        rounds.append(children)
    return {"seed": str(seed), "counts": counts, "rounds": rounds}


def bits(x):
    return f64_bits([x])[0]
