using BenchmarkDotNet.Attributes;

namespace Rng.Benchmarks;

/// <summary>Per-work-item set-up: spawning one SeedSequence child and seeding a Pcg64 from it (target under 1 µs).</summary>
[MemoryDiagnoser]
public class SeedingBenchmarks
{
    private readonly SeedSequence _root = new(12345);

    [Benchmark]
    public Pcg64 SpawnChildAndCreatePcg64() => new(_root.Spawn(1)[0]);

    [Benchmark]
    public SeedSequence SpawnChild() => _root.Spawn(1)[0];

    [Benchmark]
    public Pcg64 CreatePcg64FromSeed() => new(12345UL);
}
