namespace Fixable;

public static class Rng2001Case
{
    public static double[] Run(Random rng, int n)
    {
        var results = new double[n];
        Parallel.For(0, n, i => results[i] = rng.NextDouble());
        return results;
    }
}
