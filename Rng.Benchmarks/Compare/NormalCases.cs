namespace Rng.Benchmarks.Compare;

// Distribution cases of the NumPy comparison (tools/bench/numpy_cases_normal.py): 10^7 values into a preallocated
// span, against NumPy writing into a preallocated array through `out=` (so neither side allocates).
public abstract class DoubleFillCase : ICompareCase
{
    protected const int Count = 10_000_000;
    private readonly double[] _destination = new double[Count];

    protected DoubleFillCase(string name) => Name = name;

    public string Name { get; }

    public long ValuesPerRun => Count;

    public void Run() => Fill(_destination);

    protected abstract void Fill(Span<double> destination);
}

public sealed class StandardNormalCase() : DoubleFillCase("standard_normal")
{
    private readonly Generator _generator = new(new Pcg64(12345UL));

    protected override void Fill(Span<double> destination) => _generator.StandardNormal(destination);
}

public sealed class StandardExponentialCase() : DoubleFillCase("standard_exponential")
{
    private readonly Generator _generator = new(new Pcg64(12345UL));

    protected override void Fill(Span<double> destination) => _generator.StandardExponential(destination);
}

// MT19937 takes the one-draw-per-call path (its doubles are not the top bits of its 64-bit draws): for reference.
public sealed class StandardNormalMt19937Case() : DoubleFillCase("standard_normal_mt19937")
{
    private readonly Generator _generator = new(new Mt19937(12345UL));

    protected override void Fill(Span<double> destination) => _generator.StandardNormal(destination);
}

public sealed class StandardGammaCase() : DoubleFillCase("standard_gamma_2.5")
{
    private readonly Generator _generator = new(new Pcg64(12345UL));

    protected override void Fill(Span<double> destination) => _generator.StandardGamma(2.5, destination);
}

// float32 ziggurat over buffered 32-bit halves (NumPy's standard_normal(dtype=np.float32, out=)).
public sealed class StandardNormalSingleCase : ICompareCase
{
    private const int Count = 10_000_000;
    private readonly float[] _destination = new float[Count];
    private readonly Generator _generator = new(new Pcg64(12345UL));

    public string Name => "standard_normal_f32";

    public long ValuesPerRun => Count;

    public void Run() => _generator.StandardNormal(_destination);
}
