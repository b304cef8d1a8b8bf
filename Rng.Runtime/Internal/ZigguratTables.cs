using System.Globalization;
using System.Text.Json;

namespace Rng.Internal;

/// <summary>
/// NumPy's ziggurat tables for the normal and exponential samplers (float64 and float32), read once from the embedded
/// resource <c>Rng.Data.ziggurat.json</c> (NumPy's <c>ziggurat_constants.h</c> as data), never retyped.
/// </summary>
/// <remarks>
/// Loaded by the type initialiser on first use, which the runtime runs exactly once even under concurrent access;
/// afterwards the arrays are only read, so sharing them between threads is safe.
/// </remarks>
internal static class ZigguratTables
{
    private const string ResourceName = "Rng.Data.ziggurat.json";
    private const int TableLength = 256;

    /// <summary>float64 normal: acceptance bounds on the 52-bit magnitude.</summary>
    public static readonly ulong[] KiDouble;
    /// <summary>float64 normal: layer widths (scale from the integer magnitude to x).</summary>
    public static readonly double[] WiDouble;
    /// <summary>float64 normal: density at the layer edges.</summary>
    public static readonly double[] FiDouble;
    /// <summary>float64 exponential: acceptance bounds.</summary>
    public static readonly ulong[] KeDouble;
    /// <summary>float64 exponential: layer widths.</summary>
    public static readonly double[] WeDouble;
    /// <summary>float64 exponential: density at the layer edges.</summary>
    public static readonly double[] FeDouble;
    /// <summary>float32 normal: acceptance bounds on the 23-bit magnitude.</summary>
    public static readonly uint[] KiFloat;
    /// <summary>float32 normal: layer widths.</summary>
    public static readonly float[] WiFloat;
    /// <summary>float32 normal: density at the layer edges.</summary>
    public static readonly float[] FiFloat;
    /// <summary>float32 exponential: acceptance bounds.</summary>
    public static readonly uint[] KeFloat;
    /// <summary>float32 exponential: layer widths.</summary>
    public static readonly float[] WeFloat;
    /// <summary>float32 exponential: density at the layer edges.</summary>
    public static readonly float[] FeFloat;

    /// <summary>Start of the normal tail, r (NumPy's <c>ziggurat_nor_r</c>).</summary>
    public static readonly double NormalR;
    /// <summary>1 / r for the normal tail (<c>ziggurat_nor_inv_r</c>).</summary>
    public static readonly double NormalInverseR;
    /// <summary>Start of the exponential tail (<c>ziggurat_exp_r</c>).</summary>
    public static readonly double ExponentialR;
    /// <summary>float32 <see cref="NormalR"/> (<c>ziggurat_nor_r_f</c>).</summary>
    public static readonly float NormalRFloat;
    /// <summary>float32 <see cref="NormalInverseR"/> (<c>ziggurat_nor_inv_r_f</c>).</summary>
    public static readonly float NormalInverseRFloat;
    /// <summary>float32 <see cref="ExponentialR"/> (<c>ziggurat_exp_r_f</c>).</summary>
    public static readonly float ExponentialRFloat;

    // No explicit static constructor: the type stays beforefieldinit, so the JIT may run the initialiser when it
    // compiles a sampler and then treat the arrays as constants (no initialisation check in hot loops).
    private static readonly bool Loaded = Load(
        out KiDouble, out WiDouble, out FiDouble, out KeDouble, out WeDouble, out FeDouble,
        out KiFloat, out WiFloat, out FiFloat, out KeFloat, out WeFloat, out FeFloat,
        out NormalR, out NormalInverseR, out ExponentialR, out NormalRFloat, out NormalInverseRFloat, out ExponentialRFloat);

    private static bool Load(
        out ulong[] kiDouble, out double[] wiDouble, out double[] fiDouble, out ulong[] keDouble, out double[] weDouble, out double[] feDouble,
        out uint[] kiFloat, out float[] wiFloat, out float[] fiFloat, out uint[] keFloat, out float[] weFloat, out float[] feFloat,
        out double normalR, out double normalInverseR, out double exponentialR, out float normalRFloat, out float normalInverseRFloat, out float exponentialRFloat)
    {
        using Stream stream = typeof(ZigguratTables).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{ResourceName}' is missing from {typeof(ZigguratTables).Assembly.GetName().Name}.");
        using JsonDocument document = JsonDocument.Parse(stream);
        JsonElement root = document.RootElement;

        kiDouble = ReadHex(root, "ki_double", ulong.MaxValue, static v => v);
        wiDouble = ReadDecimal(root, "wi_double", static v => v);
        fiDouble = ReadDecimal(root, "fi_double", static v => v);
        keDouble = ReadHex(root, "ke_double", ulong.MaxValue, static v => v);
        weDouble = ReadDecimal(root, "we_double", static v => v);
        feDouble = ReadDecimal(root, "fe_double", static v => v);
        kiFloat = ReadHex(root, "ki_float", uint.MaxValue, static v => (uint)v);
        wiFloat = ReadDecimal(root, "wi_float", static v => (float)v);
        fiFloat = ReadDecimal(root, "fi_float", static v => (float)v);
        keFloat = ReadHex(root, "ke_float", uint.MaxValue, static v => (uint)v);
        weFloat = ReadDecimal(root, "we_float", static v => (float)v);
        feFloat = ReadDecimal(root, "fe_float", static v => (float)v);

        normalR = ParseDouble(root, "ziggurat_nor_r");
        normalInverseR = ParseDouble(root, "ziggurat_nor_inv_r");
        exponentialR = ParseDouble(root, "ziggurat_exp_r");
        normalRFloat = (float)ParseDouble(root, "ziggurat_nor_r_f");
        normalInverseRFloat = (float)ParseDouble(root, "ziggurat_nor_inv_r_f");
        exponentialRFloat = (float)ParseDouble(root, "ziggurat_exp_r_f");
        return true;
    }

    private static T[] ReadHex<T>(JsonElement root, string name, ulong maximum, Func<ulong, T> convert)
    {
        JsonElement table = Table(root, name);
        var values = new T[TableLength];
        int i = 0;
        foreach (JsonElement item in table.EnumerateArray())
        {
            string text = item.GetString() ?? throw Malformed(name);
            if (!text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
                || !ulong.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong value)
                || value > maximum)
            {
                throw Malformed(name);
            }

            values[i++] = convert(value);
        }

        return values;
    }

    // The header's exact decimal strings: double.Parse is correctly rounded, so the double tables come out bit-exact,
    // and rounding those to float reproduces the compiled float tables (checked against NumPy 1.24.2's binary).
    private static T[] ReadDecimal<T>(JsonElement root, string name, Func<double, T> convert)
    {
        JsonElement table = Table(root, name);
        var values = new T[TableLength];
        int i = 0;
        foreach (JsonElement item in table.EnumerateArray())
        {
            values[i++] = convert(ParseDecimal(item.GetString(), name));
        }

        return values;
    }

    private static JsonElement Table(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out JsonElement table) || table.ValueKind != JsonValueKind.Array || table.GetArrayLength() != TableLength)
        {
            throw Malformed(name);
        }

        return table;
    }

    private static double ParseDouble(JsonElement root, string name) =>
        root.TryGetProperty(name, out JsonElement value) ? ParseDecimal(value.GetString(), name) : throw Malformed(name);

    private static double ParseDecimal(string? text, string name) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)
            ? value
            : throw Malformed(name);

    private static InvalidOperationException Malformed(string name) =>
        new($"Embedded resource '{ResourceName}' has a missing or malformed '{name}' (expected {TableLength} entries).");
}
