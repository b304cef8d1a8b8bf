using BenchmarkDotNet.Attributes;

namespace Rng.Benchmarks;

/// <summary>Ziggurat fills of 10^7 values into a span (NumPy's standard_normal / standard_exponential with out=).</summary>
[MemoryDiagnoser]
public class NormalBenchmarks
{
    private const int Count = 10_000_000;
    private readonly double[] _destination = new double[Count];
    private readonly float[] _singles = new float[Count];
    private readonly Generator _generator = new(new Pcg64(12345UL));

    [Benchmark(OperationsPerInvoke = Count)]
    public void StandardNormal() => _generator.StandardNormal(_destination);

    [Benchmark(OperationsPerInvoke = Count)]
    public void StandardNormalSingle() => _generator.StandardNormal(_singles);

    [Benchmark(OperationsPerInvoke = Count)]
    public void StandardExponential() => _generator.StandardExponential(_destination);

    [Benchmark(OperationsPerInvoke = Count)]
    public void NormalScalarLoop()
    {
        double[] destination = _destination;
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = _generator.StandardNormal();
        }
    }
}
