namespace Fixable;

public static class Rng2002Case
{
    internal static readonly Random Seeder = new(2024);

    // One generator per thread, seeded from a locked seeder: which items each thread draws for depends on scheduling.
    internal static readonly ThreadLocal<Random> Rngs = new(() =>
    {
        lock (Seeder)
        {
            return new Random(Seeder.Next());
        }
    });

    public static double[] Run(int n)
    {
        var results = new double[n];
        Parallel.For(0, n, i => results[i] = Rngs.Value!.NextDouble());
        return results;
    }
}
