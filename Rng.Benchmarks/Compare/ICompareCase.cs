namespace Rng.Benchmarks.Compare;

/// <summary>
/// One case of the NumPy speed comparison (<c>tools/bench/compare_numpy.sh</c>): the runner finds every
/// non-abstract implementation in this assembly by reflection, times <see cref="Run"/> and reports nanoseconds
/// per value under <see cref="Name"/>, which must equal the NumPy case's name.
/// </summary>
/// <remarks>
/// To add cases for an area (e.g. distributions): put classes implementing this interface, each with a public
/// parameterless constructor that does all set-up (allocate buffers, seed generators), in
/// <c>Rng.Benchmarks/Compare/&lt;Area&gt;Cases.cs</c>, and the NumPy side, a module-level
/// <c>CASES = {"name": (callable, values_per_call)}</c>, in <c>tools/bench/numpy_cases_&lt;area&gt;.py</c>.
/// Both sides are picked up automatically; cases are joined by name.
/// </remarks>
public interface ICompareCase
{
    /// <summary>The case name shared with the NumPy side, e.g. <c>pcg64_raw</c>.</summary>
    string Name { get; }

    /// <summary>How many values one <see cref="Run"/> produces (the divisor for ns per value).</summary>
    long ValuesPerRun { get; }

    /// <summary>Does the timed work once; must not allocate in steady state unless the NumPy side does too.</summary>
    void Run();
}
