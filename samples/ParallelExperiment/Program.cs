using System.Globalization;
using ParallelExperiment;

// The joblib post's experiment (40 simulated data sets, GMM vs k-means, distribution of the ARI difference), with the
// seeding done by the generated driver: simulation i draws from SeedSequence(seed).spawn(40)[i], whatever the number
// of workers. Usage: ParallelExperiment [seed] [workers]
const int Simulations = 40;
ulong seed = 8888;
int workers = Math.Max(2, Environment.ProcessorCount);
if (args.Length > 0 && !ulong.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out seed))
{
    Console.Error.WriteLine($"usage: ParallelExperiment [seed] [workers]   (seed: a non-negative integer below 2^64, not '{args[0]}')");
    return 2;
}

if (args.Length > 1 && (!int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out workers) || workers < 1))
{
    Console.Error.WriteLine($"usage: ParallelExperiment [seed] [workers]   (workers: a positive integer, not '{args[1]}')");
    return 2;
}

double[] oneWorker = Experiments.AriDifferenceParallel(seed, Simulations, options: new ParallelOptions { MaxDegreeOfParallelism = 1 });
double[] manyWorkers = Experiments.AriDifferenceParallel(seed, Simulations, options: new ParallelOptions { MaxDegreeOfParallelism = workers });

Console.WriteLine($"(GMM - KMeans) ARI over {Simulations} simulated data sets, seed {seed}");
Console.WriteLine($"simulation i draws from Generator(PCG64(SeedSequence({seed}).spawn({Simulations})[i]))");
Console.WriteLine();
Console.WriteLine($"   i   {"1 worker",-24}  {workers} workers");
for (int i = 0; i < Simulations; i++)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{i,4}   {oneWorker[i],-24:R}  {manyWorkers[i]:R}"));
}

Console.WriteLine();
double[] sorted = oneWorker.Order().ToArray();
double median = (sorted[(Simulations - 1) / 2] + sorted[Simulations / 2]) / 2;
int gmmBetter = oneWorker.Count(d => d > 0);
int kMeansBetter = oneWorker.Count(d => d < 0);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mean {oneWorker.Average():F4}, median {median:F4}; GMM better in {gmmBetter}, k-means better in {kMeansBetter}, ties {Simulations - gmmBetter - kMeansBetter}"));

// A text version of the post's histogram of ARI differences.
const int Bins = 10;
double low = Math.Min(sorted[0], 0), high = Math.Max(sorted[^1], 0);
double width = (high - low) / Bins;
for (int bin = 0; bin < Bins; bin++)
{
    double from = low + (bin * width);
    int count = oneWorker.Count(d => bin == Bins - 1 ? d >= from : d >= from && d < from + width);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{from,8:F3} .. {from + width,7:F3} | {new string('#', count)}"));
}

Console.WriteLine("                    KMeans better <- 0 -> GMM better");
bool identical = oneWorker.SequenceEqual(manyWorkers);
Console.WriteLine();
Console.WriteLine(identical
    ? $"1 worker and {workers} workers gave identical results, bit for bit."
    : $"1 worker and {workers} workers DIFFER: the seeding is not scheduling-independent.");
return identical ? 0 : 1;
