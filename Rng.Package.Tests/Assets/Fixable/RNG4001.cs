using Rng;

namespace Fixable;

// Not partial: the generator cannot add DrawParallel until the fix adds the modifier.
public static class Rng4001Case
{
    [ParallelStochastic]
    public static double Draw(Generator rng) => rng.Random();
}
