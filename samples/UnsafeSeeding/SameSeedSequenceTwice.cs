using Rng;

namespace UnsafeSeeding;

// NumPy's guide: each stream needs its own SeedSequence child; "SeedSequence(12345)" hands out independent streams
// only through spawn(). Building two generators from the same SeedSequence object gives the same stream twice.
//
// Rule: RNG3002 (Two streams from the same seed material) on the second 'new Pcg64(seedSequence)'.
// What goes wrong: the simulation noise and the bootstrap resampling, meant to be independent, are the same numbers,
// so the bootstrap is perfectly correlated with the data it is meant to test.
internal static class SameSeedSequenceTwice
{
    public static void Run()
    {
        var seedSequence = new SeedSequence(20261122);
        var simulation = new Generator(new Pcg64(seedSequence));
        var bootstrap = new Generator(new Pcg64(seedSequence));

        double[] noise = [simulation.Random(), simulation.Random(), simulation.Random()];
        double[] resample = [bootstrap.Random(), bootstrap.Random(), bootstrap.Random()];
        Console.WriteLine($"simulation: {Show.Row(noise.Select(d => d.ToString("R")))}");
        Console.WriteLine($"bootstrap:  {Show.Row(resample.Select(d => d.ToString("R")))}");
        Console.WriteLine($"identical streams: {noise.SequenceEqual(resample)}");
    }
}
