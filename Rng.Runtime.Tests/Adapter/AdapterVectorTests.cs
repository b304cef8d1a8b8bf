using System.Globalization;
using System.Numerics;
using System.Reflection;
using System.Text.Json;
using Rng.Tests.Infrastructure;

namespace Rng.Tests.Adapter;

/// <summary>
/// Replays adapter.json (tools/numpy-vectors/adapter.py): System.Random calls on <see cref="Generator.AsRandom"/>,
/// each against NumPy's value for the documented mapping, on every bit generator, with 32- and 64-bit draws interleaved.
/// </summary>
public class AdapterVectorTests
{
    private static readonly Lazy<JsonDocument> Document = new(() => VectorFiles.LoadJson("adapter.json"));

    private static readonly MethodInfo SampleMethod =
        typeof(Random).GetMethod("Sample", BindingFlags.Instance | BindingFlags.NonPublic)!;

    public static IEnumerable<object[]> Cases()
    {
        var cases = Document.Value.RootElement.GetProperty("cases");
        for (int i = 0; i < cases.GetArrayLength(); i++)
        {
            yield return new object[] { i, $"{cases[i].GetProperty("bitgen").GetString()} seed {cases[i].GetProperty("seed").GetString()}" };
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void AdapterCalls_EqualNumPysMappedCalls(int index, string description)
    {
        var c = Document.Value.RootElement.GetProperty("cases")[index];
        var seed = new SeedSequence(BigInteger.Parse(c.GetProperty("seed").GetString()!, CultureInfo.InvariantCulture));
        var random = new Generator(CreateBitGenerator(c.GetProperty("bitgen").GetString()!, seed)).AsRandom();
        var ops = c.GetProperty("ops");
        for (int i = 0; i < ops.GetArrayLength(); i++)
        {
            var op = ops[i];
            string expected = Normalize(op.GetProperty("out"));
            string actual = Run(random, op);
            Assert.True(expected == actual, $"{description}, op {i} {op}: expected {expected}, got {actual}");
        }
    }

    internal static BitGenerator CreateBitGenerator(string name, SeedSequence seed) => name switch
    {
        "PCG64" => new Pcg64(seed),
        "PCG64DXSM" => new Pcg64Dxsm(seed),
        "Philox" => new Philox(seed),
        "SFC64" => new Sfc64(seed),
        "MT19937" => new Mt19937(seed),
        _ => throw new ArgumentException($"unknown bit generator {name}"),
    };

    // Returns the call's result in the JSON text form adapter.py writes.
    private static string Run(Random random, JsonElement op)
    {
        int Int(string name) => op.GetProperty(name).GetInt32();
        long Long(string name) => op.GetProperty(name).GetInt64();
        string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
        string Ints(IEnumerable<int> values) => "[" + string.Join(", ", values) + "]";

        switch (op.GetProperty("call").GetString())
        {
            case "Next": return Text(random.Next());
            case "NextMax": return Text(random.Next(Int("max")));
            case "NextMinMax": return Text(random.Next(Int("min"), Int("max")));
            case "NextInt64": return Text(random.NextInt64());
            case "NextInt64Max": return Text(random.NextInt64(Long("max")));
            case "NextInt64MinMax": return Text(random.NextInt64(Long("min"), Long("max")));
            case "NextDouble": return BitConverter.DoubleToUInt64Bits(random.NextDouble()).ToString(CultureInfo.InvariantCulture);
            case "Sample": return BitConverter.DoubleToUInt64Bits((double)SampleMethod.Invoke(random, null)!).ToString(CultureInfo.InvariantCulture);
            case "NextSingle": return BitConverter.SingleToUInt32Bits(random.NextSingle()).ToString(CultureInfo.InvariantCulture);
            case "NextBytes":
            {
                var buffer = new byte[Int("length")];
                random.NextBytes(buffer);
                return Quote(Convert.ToHexString(buffer).ToLowerInvariant());
            }

            case "NextBytesSpan":
            {
                Span<byte> buffer = stackalloc byte[Int("length")];
                random.NextBytes(buffer);
                return Quote(Convert.ToHexString(buffer).ToLowerInvariant());
            }

            case "Shuffle":
            {
                var values = Enumerable.Range(0, Int("n")).ToArray();
                random.Shuffle(values);
                return Ints(values);
            }

            case "GetItems":
                return Ints(random.GetItems(Enumerable.Range(0, Int("choices")).ToArray(), Int("length")));
            default:
                throw new InvalidOperationException($"unknown call {op}");
        }
    }

    // Arrays in the indented file span several lines; compare them as "[a, b, c]".
    private static string Normalize(JsonElement value) => value.ValueKind == JsonValueKind.Array
        ? "[" + string.Join(", ", value.EnumerateArray().Select(e => e.GetRawText())) + "]"
        : value.GetRawText();

    private static string Quote(string text) => "\"" + text + "\"";
}
