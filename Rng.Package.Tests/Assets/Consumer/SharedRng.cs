namespace Consumer;

// RNG2001: one System.Random shared by a parallel body.
public static class SharedRng
{
    public static double[] Run(Random rng, int n)
    {
        var results = new double[n];
        Parallel.For(0, n, i => results[i] = rng.NextDouble());
        return results;
    }
}
