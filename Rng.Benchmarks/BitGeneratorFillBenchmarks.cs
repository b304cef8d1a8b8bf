using BenchmarkDotNet.Attributes;

namespace Rng.Benchmarks;

/// <summary>Bulk raw output: Fill of 10^7 64-bit values per generator (NumPy's random_raw(10**7) counterpart).</summary>
[MemoryDiagnoser]
public class BitGeneratorFillBenchmarks
{
    private const int Count = 10_000_000;
    private readonly ulong[] _destination = new ulong[Count];
    private BitGenerator _generator = null!;

    [Params("Pcg64", "Pcg64Dxsm", "Philox", "Sfc64", "Mt19937")]
    public string Generator { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _generator = Generator switch
        {
            "Pcg64" => new Pcg64(12345UL),
            "Pcg64Dxsm" => new Pcg64Dxsm(12345UL),
            "Philox" => new Philox(12345UL),
            "Sfc64" => new Sfc64(12345UL),
            "Mt19937" => new Mt19937(12345UL),
            _ => throw new InvalidOperationException($"Unknown generator {Generator}."),
        };
    }

    [Benchmark(OperationsPerInvoke = Count)]
    public void Fill() => _generator.Fill(_destination);
}

/// <summary>Mt19937's native 32-bit fill: the values of NumPy's <c>MT19937.random_raw(10**7)</c>.</summary>
[MemoryDiagnoser]
public class Mt19937FillUInt32Benchmarks
{
    private const int Count = 10_000_000;
    private readonly uint[] _destination = new uint[Count];
    private readonly Mt19937 _generator = new(12345UL);

    [Benchmark(OperationsPerInvoke = Count)]
    public void FillUInt32() => _generator.Fill(_destination);
}
