using Rng;

namespace Fixable;

public static class Rng1006Case
{
    public static double[] Run(int rootSeed, int workers)
    {
        var results = new double[workers];
        Parallel.For(0, workers, workerId =>
        {
            var seeds = new SeedSequence(new[] { rootSeed, workerId });
            results[workerId] = new Generator(new Pcg64(seeds)).Random();
        });
        return results;
    }
}
