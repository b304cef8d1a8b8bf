using System.Diagnostics;
using System.Reflection;

namespace Rng.Benchmarks.Compare;

/// <summary>
/// Runs every <see cref="ICompareCase"/> with a Stopwatch (warm-up, then best of several samples) and prints
/// one tab-separated line per case: name, ns per value. Quick by design; BenchmarkDotNet is for the detailed runs.
/// </summary>
internal static class CompareRunner
{
    private const int Samples = 7;
    private static readonly TimeSpan MinimumSample = TimeSpan.FromMilliseconds(40);

    public static int Run(string[] filters)
    {
        var cases = typeof(CompareRunner).Assembly.GetTypes()
            .Where(t => typeof(ICompareCase).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Select(t => (ICompareCase)Activator.CreateInstance(t)!)
            .Where(c => filters.Length == 0 || filters.Any(f => c.Name.Contains(f, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();

        foreach (var compareCase in cases)
        {
            double nsPerValue = Measure(compareCase);
            Console.WriteLine(FormattableString.Invariant($"{compareCase.Name}\t{nsPerValue:F3}"));
        }

        return cases.Count == 0 ? 1 : 0;
    }

    private static double Measure(ICompareCase compareCase)
    {
        // Warm up until tiered compilation has settled on optimised code, and find how many runs fill a sample.
        var watch = Stopwatch.StartNew();
        int runsPerSample = 1;
        while (true)
        {
            watch.Restart();
            for (int i = 0; i < runsPerSample; i++)
            {
                compareCase.Run();
            }

            watch.Stop();
            if (watch.Elapsed >= MinimumSample)
            {
                break;
            }

            runsPerSample *= 2;
        }

        for (int i = 0; i < 3 * runsPerSample; i++)
        {
            compareCase.Run();
        }

        double best = double.MaxValue;
        for (int sample = 0; sample < Samples; sample++)
        {
            watch.Restart();
            for (int i = 0; i < runsPerSample; i++)
            {
                compareCase.Run();
            }

            watch.Stop();
            best = Math.Min(best, watch.Elapsed.TotalNanoseconds);
        }

        return best / runsPerSample / compareCase.ValuesPerRun;
    }
}
