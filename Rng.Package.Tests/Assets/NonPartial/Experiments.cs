using Rng;

namespace NonPartial;

// RNG4001 twice: neither Experiments nor Kernels is partial, so the generator cannot add FirstDrawParallel until
// `rngsafety check --fix` makes both partial.
public static class Experiments
{
    public static class Kernels
    {
        [ParallelStochastic]
        public static double FirstDraw(Generator rng) => rng.Random();
    }
}
