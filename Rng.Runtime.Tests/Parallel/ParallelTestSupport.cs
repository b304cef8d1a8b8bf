using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace Rng.Tests.Parallel;

internal static class ParallelTestSupport
{
    public static readonly int[] DegreesOfParallelism = [1, 2, 3, 8];

    public static ParallelOptions Options(int degree) => new() { MaxDegreeOfParallelism = degree };

    /// <summary>The root described by a parallel.json case: entropy (integer or list) and spawn key.</summary>
    public static SeedSequence RootOf(JsonElement c)
    {
        var entropy = c.GetProperty("entropy").EnumerateArray().Select(Big).ToArray();
        var spawnKey = c.GetProperty("spawn_key").EnumerateArray().Select(Big).ToArray();
        return c.GetProperty("is_list").GetBoolean()
            ? new SeedSequence(entropy, spawnKey)
            : new SeedSequence(entropy[0], spawnKey);
    }

    public static Func<SeedSequence, BitGenerator> FactoryOf(string name) => name switch
    {
        "PCG64" => s => new Pcg64(s),
        "PCG64DXSM" => s => new Pcg64Dxsm(s),
        "Philox" => s => new Philox(s),
        "SFC64" => s => new Sfc64(s),
        "MT19937" => s => new Mt19937(s),
        _ => throw new ArgumentException($"unknown bit generator {name}"),
    };

    /// <summary>A body that draws a data-dependent number of values of several kinds, so any mix-up of streams shows.</summary>
    public static double Work(Generator rng)
    {
        int draws = rng.Integers(1, 12);
        double sum = 0;
        for (int k = 0; k < draws; k++)
        {
            sum += rng.Random() + rng.Integers(0L, 1000L) + rng.RandomSingle();
        }

        // Uneven work per item makes the scheduler hand items to threads in a different order each run.
        Thread.SpinWait(draws * 50);
        return sum;
    }

    private static BigInteger Big(JsonElement e) => BigInteger.Parse(e.GetString()!, CultureInfo.InvariantCulture);
}
