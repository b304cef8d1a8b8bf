using Rng;

namespace Consumer;

// RNG3002: two generators from one SeedSequence draw identical streams.
public static class SeedMaterial
{
    public static Generator[] Twice(SeedSequence seedSequence)
    {
        var first = new Generator(new Pcg64(seedSequence));
        var second = new Generator(new Pcg64(seedSequence));
        return new[] { first, second };
    }
}
