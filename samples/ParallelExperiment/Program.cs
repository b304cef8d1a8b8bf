using System.Globalization;
using ParallelExperiment;

// The joblib post's experiment (40 simulated data sets, GMM vs k-means, distribution of the ARI difference), with the
// seeding done by the generated driver: simulation i draws from SeedSequence(seed).spawn(40)[i], whatever the number
// of workers. Prints the differences for 1 and N workers, a text histogram, and writes the post's histogram as a PNG
// (ScottPlot; works headless). Usage: ParallelExperiment [seed] [workers] [--png PATH]
// (default PNG: ari-differences.png in the current directory).
const int Simulations = 40;
const string Usage = "usage: ParallelExperiment [seed] [workers] [--png PATH]";
ulong seed = 8888;
int workers = Math.Max(2, Environment.ProcessorCount);
string pngPath = Path.GetFullPath("ari-differences.png");
var positional = new List<string>();
for (int a = 0; a < args.Length; a++)
{
    if (args[a] == "--png")
    {
        if (a + 1 >= args.Length || args[a + 1].Length == 0)
        {
            Console.Error.WriteLine($"{Usage}   (--png needs a file path after it)");
            return 2;
        }

        pngPath = Path.GetFullPath(args[++a]);
    }
    else
    {
        positional.Add(args[a]);
    }
}

if (positional.Count > 2)
{
    Console.Error.WriteLine($"{Usage}   (at most two positional arguments, got {positional.Count})");
    return 2;
}

if (positional.Count > 0 && !ulong.TryParse(positional[0], NumberStyles.None, CultureInfo.InvariantCulture, out seed))
{
    Console.Error.WriteLine($"{Usage}   (seed: a non-negative integer below 2^64, not '{positional[0]}')");
    return 2;
}

if (positional.Count > 1 && (!int.TryParse(positional[1], NumberStyles.None, CultureInfo.InvariantCulture, out workers) || workers < 1))
{
    Console.Error.WriteLine($"{Usage}   (workers: a positive integer, not '{positional[1]}')");
    return 2;
}

if (Path.GetDirectoryName(pngPath) is { } pngFolder && !Directory.Exists(pngFolder))
{
    Console.Error.WriteLine($"{Usage}   (--png: folder '{pngFolder}' does not exist)");
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
if (high == low)
{
    high = low + 1; // every difference is 0: give the bins a width rather than divide by zero
}

double width = (high - low) / Bins;
for (int bin = 0; bin < Bins; bin++)
{
    double from = low + (bin * width);
    int count = oneWorker.Count(d => bin == Bins - 1 ? d >= from : d >= from && d < from + width);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{from,8:F3} .. {from + width,7:F3} | {new string('#', count)}"));
}

Console.WriteLine("                    KMeans better <- 0 -> GMM better");

// The post's figure (seaborn distplot + rugplot), same bins as above.
Console.WriteLine();
try
{
    HistogramPlot.Save(pngPath, oneWorker, Bins, low, high, $"(GMM - KMeans) ARI over {Simulations} simulations, seed {seed}");
    Console.WriteLine($"histogram written to {pngPath}");
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"could not write the histogram to {pngPath}: {e.Message}");
    return 3;
}
bool identical = oneWorker.SequenceEqual(manyWorkers);
Console.WriteLine();
Console.WriteLine(identical
    ? $"1 worker and {workers} workers gave identical results, bit for bit."
    : $"1 worker and {workers} workers DIFFER: the seeding is not scheduling-independent.");
return identical ? 0 : 1;
