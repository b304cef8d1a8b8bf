using System.Globalization;

namespace SafeSeeding;

/// <summary>Formats values exactly as Python prints them, so the output can be diffed against NumPy's.</summary>
internal static class Show
{
    public static string Row(IEnumerable<long> values) => "[" + string.Join(", ", values) + "]";

    public static string Row(IEnumerable<int> values) => "[" + string.Join(", ", values) + "]";

    public static string Row(IEnumerable<ulong> values) => "[" + string.Join(", ", values) + "]";

    public static string Row(IEnumerable<double> values) => "[" + string.Join(", ", values.Select(Repr)) + "]";

    /// <summary>Python's repr of a float: the shortest text that round-trips, with ".0" on whole numbers.</summary>
    public static string Repr(double value)
    {
        // "R" is the shortest round-trip text on .NET Core 3.0+; Python switches to exponent form at the same points.
        string text = value.ToString("R", CultureInfo.InvariantCulture).Replace('E', 'e');
        bool plainWholeNumber = double.IsFinite(value) && !text.Contains('.') && !text.Contains('e');
        return plainWholeNumber ? text + ".0" : text;
    }
}
