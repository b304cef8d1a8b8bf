using Rng;

namespace Fixable;

public static class Rng3002Case
{
    public static Generator[] Twice(SeedSequence seedSequence)
    {
        var first = new Generator(new Pcg64(seedSequence));
        var second = new Generator(new Pcg64(seedSequence));
        return new[] { first, second };
    }
}
