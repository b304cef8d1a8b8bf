using Rng;

namespace SafeSeeding;

// Fixes UnsafeSeeding/SharedRandomInWorkers.cs (RNG2001): instead of one System.Random shared by every job, item i gets
// its own stream, child i of the root SeedSequence. The numbers no longer depend on which thread runs which item.
// NumPy: children = SeedSequence(root).spawn(20); [default_rng(c).integers(0, 10**8) for c in children]
internal static class PerItemStreams
{
    public static void Run()
    {
        var numbers = new long[20];
        ParallelRandom.For(0, numbers.Length, new SeedSequence(Seeds.Root), (i, rng) =>
        {
            numbers[i] = rng.Integers(0L, 100_000_000L); // long arguments: NumPy's default int64 dtype
        });
        Console.WriteLine($"big numbers: {Show.Row(numbers)}");
    }
}
