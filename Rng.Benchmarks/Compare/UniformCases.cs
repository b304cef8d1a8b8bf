namespace Rng.Benchmarks.Compare;

// Generator methods of the uniform family against NumPy 1.24 (tools/bench/numpy_cases_uniform.py); every case
// writes into a preallocated buffer, like NumPy's out= where NumPy has it.

// NumPy: rng.random(out=buffer) with 10^7 doubles.
public sealed class RandomDoubleCase : ICompareCase
{
    private readonly double[] _destination = new double[10_000_000];
    private readonly Generator _generator = Generator.Create(12345);

    public string Name => "random_double";

    public long ValuesPerRun => _destination.Length;

    public void Run() => _generator.Random(_destination);
}

// NumPy: rng.integers(0, 1000, 10**7) (int64; NumPy has no out= here and allocates its result).
public sealed class Integers0To1000Case : ICompareCase
{
    private readonly long[] _destination = new long[10_000_000];
    private readonly Generator _generator = Generator.Create(12345);

    public string Name => "integers_0_1000";

    public long ValuesPerRun => _destination.Length;

    public void Run() => _generator.Integers(0L, 1000L, _destination);
}

// NumPy: rng.choice(10**6, 1000, replace=False) (Floyd's algorithm, then a shuffle); ns per chosen value.
public sealed class ChoiceNoReplaceCase : ICompareCase
{
    private readonly long[] _destination = new long[1000];
    private readonly Generator _generator = Generator.Create(12345);

    public string Name => "choice_noreplace_1e3_of_1e6";

    public long ValuesPerRun => _destination.Length;

    public void Run() => _generator.Choice(1_000_000L, _destination, replace: false);
}

// NumPy: rng.shuffle(a) for a = np.arange(10**6) (int64), in place.
public sealed class Shuffle1e6Case : ICompareCase
{
    private readonly long[] _values = Enumerable.Range(0, 1_000_000).Select(i => (long)i).ToArray();
    private readonly Generator _generator = Generator.Create(12345);

    public string Name => "shuffle_1e6";

    public long ValuesPerRun => _values.Length;

    public void Run() => _generator.Shuffle<long>(_values);
}
