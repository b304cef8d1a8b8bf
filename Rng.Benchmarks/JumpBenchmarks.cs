using BenchmarkDotNet.Attributes;

namespace Rng.Benchmarks;

/// <summary>Cost of one jump ahead by 2^128 steps (Mt19937's polynomial Horner scheme; Philox's counter addition).</summary>
[MemoryDiagnoser]
public class JumpBenchmarks
{
    private readonly Mt19937 _mt19937 = new(12345UL);
    private readonly Philox _philox = new(12345UL);

    [Benchmark]
    public Mt19937 Mt19937Jumped() => _mt19937.Jumped();

    [Benchmark]
    public Philox PhiloxJumped() => _philox.Jumped();
}
