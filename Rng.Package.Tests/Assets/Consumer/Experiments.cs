using Rng;

namespace Consumer;

// Safe code: the generator writes FirstDrawParallel and RawPhiloxParallel; no RNG diagnostics expected here.
public static partial class Experiments
{
    [ParallelStochastic]
    public static double FirstDraw(Generator rng) => rng.Random();

    [ParallelStochastic(BitGenerator = typeof(Philox))]
    public static ulong RawPhilox(Generator rng) => rng.BitGenerator.NextUInt64();
}
