namespace Rng.Benchmarks.Compare;

// Raw output of each bit generator, as NumPy's bit_generator.random_raw(10**7): Fill of 10^7 values into a
// preallocated array (NumPy allocates its result array each call, which is part of its cost).
public abstract class RawFillCase : ICompareCase
{
    private const int Count = 10_000_000;
    private readonly ulong[] _destination = new ulong[Count];
    private readonly BitGenerator _generator;

    protected RawFillCase(string name, BitGenerator generator)
    {
        Name = name;
        _generator = generator;
    }

    public string Name { get; }

    public long ValuesPerRun => Count;

    public void Run() => _generator.Fill(_destination);
}

public sealed class Pcg64RawCase() : RawFillCase("pcg64_raw", new Pcg64(12345UL));

public sealed class Pcg64DxsmRawCase() : RawFillCase("pcg64dxsm_raw", new Pcg64Dxsm(12345UL));

public sealed class PhiloxRawCase() : RawFillCase("philox_raw", new Philox(12345UL));

public sealed class Sfc64RawCase() : RawFillCase("sfc64_raw", new Sfc64(12345UL));

// NumPy's MT19937.random_raw returns the 32-bit twister outputs, so this case fills 10^7 32-bit values.
public sealed class Mt19937RawCase : ICompareCase
{
    private const int Count = 10_000_000;
    private readonly uint[] _destination = new uint[Count];
    private readonly Mt19937 _generator = new(12345UL);

    public string Name => "mt19937_raw";

    public long ValuesPerRun => Count;

    public void Run() => _generator.Fill(_destination);
}

// Not in NumPy's table: Mt19937.Fill of 64-bit values (two twister outputs each), for reference.
public sealed class Mt19937Fill64Case() : RawFillCase("mt19937_fill64", new Mt19937(12345UL));

// One spawned child and a Pcg64 seeded from it: the per-work-item set-up cost (NumPy: PCG64(ss.spawn(1)[0])).
public sealed class SeedSequenceChildPcg64Case : ICompareCase
{
    private const int PerRun = 1000;
    private readonly SeedSequence _root = new(12345);

    public string Name => "seedseq_child_pcg64";

    public long ValuesPerRun => PerRun;

    public BitGenerator? Last { get; private set; }

    public void Run()
    {
        for (int i = 0; i < PerRun; i++)
        {
            Last = new Pcg64(_root.Spawn(1)[0]);
        }
    }
}
