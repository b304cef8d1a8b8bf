using BenchmarkDotNet.Running;
using Rng.Benchmarks.Compare;

// `--compare [filter...]`: the quick Stopwatch comparison used by tools/bench/compare_numpy.sh.
// Anything else goes to BenchmarkDotNet, e.g. `--filter *Fill* --job short`.
if (args.Length > 0 && args[0] == "--compare")
{
    return CompareRunner.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(CompareRunner).Assembly).Run(args);
return 0;
