namespace Consumer;

// RNG1002: the same seed in every iteration.
public static class SameSeed
{
    public static double[] Run(int rootSeed, int workers)
    {
        var results = new double[workers];
        for (int i = 0; i < workers; i++)
        {
            var rng = new Random(rootSeed);
            results[i] = rng.NextDouble();
        }

        return results;
    }
}
