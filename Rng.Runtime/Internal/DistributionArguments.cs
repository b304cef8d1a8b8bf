namespace Rng.Internal;

/// <summary>
/// NumPy 1.24's parameter checks (<c>check_constraint</c> in <c>_common.pyx</c>) for the distributions, with NumPy's
/// wording first and the allowed range after it. Checked before any draw, so a rejected call leaves the state untouched.
/// </summary>
internal static class DistributionArguments
{
    /// <summary>NumPy's <c>CONS_NON_NEGATIVE</c>: rejects any value with the sign bit set (including -0.0) except NaN.</summary>
    public static void NonNegative(double value, string name)
    {
        if (!double.IsNaN(value) && double.IsNegative(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} < 0: {name} must be >= 0 (NumPy also rejects -0.0; NaN passes and gives NaN).");
        }
    }

    /// <summary>NumPy's <c>CONS_POSITIVE</c>: rejects value &lt;= 0; NaN passes (and gives NaN), as in NumPy.</summary>
    public static void Positive(double value, string name)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} <= 0: {name} must be > 0 (NaN passes and gives NaN).");
        }
    }

    /// <summary>NumPy's <c>CONS_BOUNDED_0_1</c>: 0 &lt;= value &lt;= 1, NaN rejected.</summary>
    public static void Probability(double value, string name)
    {
        if (!(value >= 0 && value <= 1))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} < 0, {name} > 1 or {name} is NaN: {name} must be in [0, 1].");
        }
    }

    /// <summary>NumPy's <c>CONS_BOUNDED_GT_0_1</c>: 0 &lt; value &lt;= 1, NaN rejected.</summary>
    public static void PositiveProbability(double value, string name)
    {
        if (!(value > 0 && value <= 1))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} <= 0, {name} > 1 or {name} contains NaNs: {name} must be in (0, 1].");
        }
    }

    /// <summary>A count that must not be negative (NumPy's <c>CONS_NON_NEGATIVE</c> on an integer).</summary>
    public static void NonNegative(long value, string name)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} < 0: {name} must be >= 0.");
        }
    }
}
