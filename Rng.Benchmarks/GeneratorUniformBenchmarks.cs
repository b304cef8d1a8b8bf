using BenchmarkDotNet.Attributes;

namespace Rng.Benchmarks;

/// <summary>
/// Generator's uniform family over Pcg64, per value: the BenchmarkDotNet counterparts of the NumPy comparison cases
/// in Compare/UniformCases.cs (random_double, integers_0_1000, choice_noreplace_1e3_of_1e6, shuffle_1e6).
/// </summary>
[MemoryDiagnoser]
public class GeneratorUniformBenchmarks
{
    private const int Count = 10_000_000;
    private readonly double[] _doubles = new double[Count];
    private readonly float[] _singles = new float[Count];
    private readonly long[] _longs = new long[Count];
    private readonly long[] _chosen = new long[1000];
    private readonly long[] _shuffled = Enumerable.Range(0, 1_000_000).Select(i => (long)i).ToArray();
    private readonly Generator _generator = Generator.Create(12345);

    [Benchmark(OperationsPerInvoke = Count)]
    public void RandomDoubles() => _generator.Random(_doubles);

    [Benchmark(OperationsPerInvoke = Count)]
    public void RandomSingles() => _generator.Random(_singles);

    [Benchmark(OperationsPerInvoke = Count)]
    public void UniformDoubles() => _generator.Uniform(-1.0, 1.0, _doubles);

    [Benchmark(OperationsPerInvoke = Count)]
    public void Integers0To1000() => _generator.Integers(0L, 1000L, _longs);

    [Benchmark(OperationsPerInvoke = 1000)]
    public void ChoiceNoReplace1e3Of1e6() => _generator.Choice(1_000_000L, _chosen, replace: false);

    [Benchmark(OperationsPerInvoke = 1_000_000)]
    public void Shuffle1e6() => _generator.Shuffle<long>(_shuffled);
}
