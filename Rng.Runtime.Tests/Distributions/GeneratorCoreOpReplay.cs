using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Rng.Tests.Infrastructure;

namespace Rng.Tests.Distributions;

/// <summary>
/// Replays the NumPy op sequences of tools/numpy-vectors/dist_ops.py (dist_uniform.json, dist_integers.json,
/// dist_choice.json) on our Generator and compares every output value for value.
/// </summary>
internal static class GeneratorCoreOpReplay
{
    private static readonly Dictionary<string, JsonDocument> Documents = new();

    public static JsonElement Root(string file)
    {
        lock (Documents)
        {
            if (!Documents.TryGetValue(file, out var document))
            {
                document = VectorFiles.LoadJson(file);
                Documents[file] = document;
            }

            return document.RootElement;
        }
    }

    /// <summary>Theory rows (file, array name, index, description) for every case of the array.</summary>
    public static IEnumerable<object[]> Cases(string file, string arrayName)
    {
        var cases = Root(file).GetProperty(arrayName);
        for (int i = 0; i < cases.GetArrayLength(); i++)
        {
            var c = cases[i];
            yield return new object[] { file, arrayName, i, $"{c.GetProperty("bitgen").GetString()} seed {c.GetProperty("seed").GetString()}" };
        }
    }

    public static void ReplayCase(string file, string arrayName, int index)
    {
        var c = Root(file).GetProperty(arrayName)[index];
        var bitGenerator = CreateBitGenerator(c.GetProperty("bitgen").GetString()!, SeedSequenceOf(c));
        ReplayOps(new Generator(bitGenerator), c.GetProperty("ops"));
    }

    public static SeedSequence SeedSequenceOf(JsonElement c) =>
        new(BigInteger.Parse(c.GetProperty("seed").GetString()!, CultureInfo.InvariantCulture));

    /// <summary>The NumPy bit generator of that name seeded from <paramref name="seed"/>.</summary>
    public static BitGenerator CreateBitGenerator(string name, SeedSequence seed) => name switch
    {
        "PCG64" => new Pcg64(seed),
        "PCG64DXSM" => new Pcg64Dxsm(seed),
        "Philox" => new Philox(seed),
        "SFC64" => new Sfc64(seed),
        "MT19937" => new Mt19937(seed),
        _ => throw new ArgumentException($"unknown bit generator {name}"),
    };

    public static void ReplayOps(Generator generator, JsonElement ops)
    {
        for (int i = 0; i < ops.GetArrayLength(); i++)
        {
            var op = ops[i];
            string where = $"op {i} ({op})";
            var expected = op.GetProperty("out");
            switch (op.GetProperty("op").GetString())
            {
                case "bytes":
                    Assert.True(expected.GetString() == Convert.ToHexString(generator.Bytes(op.GetProperty("length").GetInt32())).ToLowerInvariant(), where);
                    break;
                default:
                    var actual = Run(generator, op);
                    var wanted = expected.EnumerateArray().Select(Number).ToArray();
                    if (!wanted.SequenceEqual(actual))
                    {
                        Assert.Fail($"{where}\nexpected [{string.Join(", ", wanted)}]\nactual   [{string.Join(", ", actual)}]");
                    }

                    break;
            }
        }
    }

    private static BigInteger Number(JsonElement e) => BigInteger.Parse(e.GetRawText(), CultureInfo.InvariantCulture);

    private static int? SizeOf(JsonElement op) =>
        op.TryGetProperty("size", out var s) && s.ValueKind != JsonValueKind.Null ? s.GetInt32() : null;

    private static double Double(JsonElement bits) => BitConverter.UInt64BitsToDouble(bits.GetUInt64());

    private static IEnumerable<BigInteger> Doubles(IEnumerable<double> values) =>
        values.Select(v => new BigInteger(BitConverter.DoubleToUInt64Bits(v)));

    private static IEnumerable<BigInteger> Singles(IEnumerable<float> values) =>
        values.Select(v => new BigInteger(BitConverter.SingleToUInt32Bits(v)));

    private static BigInteger[] Run(Generator g, JsonElement op)
    {
        int? size = SizeOf(op);
        switch (op.GetProperty("op").GetString())
        {
            case "random":
                if (size is null)
                {
                    return Doubles(new[] { g.Random() }).ToArray();
                }
                else
                {
                    var values = new double[size.Value];
                    g.Random(values);
                    return Doubles(values).ToArray();
                }

            case "random_f32":
                if (size is null)
                {
                    return Singles(new[] { g.RandomSingle() }).ToArray();
                }
                else
                {
                    var values = new float[size.Value];
                    g.Random(values);
                    return Singles(values).ToArray();
                }

            case "uniform":
            {
                double low = Double(op.GetProperty("low")), high = Double(op.GetProperty("high"));
                if (size is null)
                {
                    return Doubles(new[] { g.Uniform(low, high) }).ToArray();
                }

                var values = new double[size.Value];
                g.Uniform(low, high, values);
                return Doubles(values).ToArray();
            }

            case "standard_normal":
                if (size is null)
                {
                    return Doubles(new[] { g.StandardNormal() }).ToArray();
                }
                else
                {
                    var values = new double[size.Value];
                    g.StandardNormal(values);
                    return Doubles(values).ToArray();
                }

            case "standard_normal_f32":
                if (size is null)
                {
                    return Singles(new[] { g.StandardNormalSingle() }).ToArray();
                }
                else
                {
                    var values = new float[size.Value];
                    g.StandardNormal(values);
                    return Singles(values).ToArray();
                }

            case "standard_exponential":
                if (size is null)
                {
                    return Doubles(new[] { g.StandardExponential() }).ToArray();
                }
                else
                {
                    var values = new double[size.Value];
                    g.StandardExponential(values);
                    return Doubles(values).ToArray();
                }

            case "integers":
                return RunIntegers(g, op, size);
            case "choice":
                return RunChoice(g, op, size);
            case "shuffle":
            {
                var values = Enumerable.Range(0, op.GetProperty("n").GetInt32()).Select(i => (long)i).ToArray();
                g.Shuffle<long>(values);
                return values.Select(v => new BigInteger(v)).ToArray();
            }

            case "permutation":
                if (op.TryGetProperty("items", out var items))
                {
                    var source = items.EnumerateArray().Select(e => e.GetInt64()).ToArray();
                    var permuted = g.Permutation<long>(source);
                    Assert.Equal(items.EnumerateArray().Select(e => e.GetInt64()), source); // the input is not changed
                    return permuted.Select(v => new BigInteger(v)).ToArray();
                }

                return g.Permutation(op.GetProperty("n").GetInt32()).Select(v => new BigInteger(v)).ToArray();
            case "next_uint32":
                return new[] { new BigInteger(g.BitGenerator.NextUInt32()) };
            case "next_uint64":
                return new[] { new BigInteger(g.BitGenerator.NextUInt64()) };
            default:
                throw new InvalidOperationException($"unknown op {op}");
        }
    }

    private static BigInteger[] RunIntegers(Generator g, JsonElement op, int? size)
    {
        bool endpoint = op.GetProperty("endpoint").GetBoolean();
        var low = op.GetProperty("low");
        var high = op.GetProperty("high");
        switch (op.GetProperty("dtype").GetString())
        {
            case "int64":
            {
                if (size is null)
                {
                    return new[] { new BigInteger(g.Integers(low.GetInt64(), high.GetInt64(), endpoint)) };
                }

                var values = new long[size.Value];
                g.Integers(low.GetInt64(), high.GetInt64(), values, endpoint);
                return values.Select(v => new BigInteger(v)).ToArray();
            }

            case "int32":
            {
                if (size is null)
                {
                    return new[] { new BigInteger(g.Integers(low.GetInt32(), high.GetInt32(), endpoint)) };
                }

                var values = new int[size.Value];
                g.Integers(low.GetInt32(), high.GetInt32(), values, endpoint);
                return values.Select(v => new BigInteger(v)).ToArray();
            }

            case "uint64":
            {
                if (size is null)
                {
                    return new[] { new BigInteger(g.Integers(low.GetUInt64(), high.GetUInt64(), endpoint)) };
                }

                var values = new ulong[size.Value];
                g.Integers(low.GetUInt64(), high.GetUInt64(), values, endpoint);
                return values.Select(v => new BigInteger(v)).ToArray();
            }

            case "uint32":
            {
                if (size is null)
                {
                    return new[] { new BigInteger(g.Integers(low.GetUInt32(), high.GetUInt32(), endpoint)) };
                }

                var values = new uint[size.Value];
                g.Integers(low.GetUInt32(), high.GetUInt32(), values, endpoint);
                return values.Select(v => new BigInteger(v)).ToArray();
            }

            case "uint8":
            {
                if (size is null)
                {
                    return new[] { new BigInteger(g.Integers(low.GetByte(), high.GetByte(), endpoint)) };
                }

                var values = new byte[size.Value];
                g.Integers(low.GetByte(), high.GetByte(), values, endpoint);
                return values.Select(v => new BigInteger(v)).ToArray();
            }

            default:
                throw new InvalidOperationException($"unknown dtype in {op}");
        }
    }

    private static BigInteger[] RunChoice(Generator g, JsonElement op, int? size)
    {
        bool replace = op.GetProperty("replace").GetBoolean();
        bool shuffle = op.GetProperty("shuffle").GetBoolean();
        double[]? p = op.GetProperty("p").ValueKind == JsonValueKind.Null
            ? null
            : op.GetProperty("p").EnumerateArray().Select(Double).ToArray();
        if (op.TryGetProperty("items", out var itemsElement))
        {
            long[] items = itemsElement.EnumerateArray().Select(e => e.GetInt64()).ToArray();
            if (size is null)
            {
                long one = p is null ? g.Choice<long>(items) : items[(int)g.Choice(items.Length, p)];
                return new[] { new BigInteger(one) };
            }

            var picked = new long[size.Value];
            if (p is null)
            {
                g.Choice<long>(items, picked, replace, shuffle);
            }
            else
            {
                g.Choice<long>(items, picked, p, replace);
            }

            return picked.Select(v => new BigInteger(v)).ToArray();
        }

        long a = op.GetProperty("a").GetInt64();
        if (size is null)
        {
            return new[] { new BigInteger(p is null ? g.Choice(a) : g.Choice(a, p)) };
        }

        long[] values = p is null ? g.Choice(a, size.Value, replace, shuffle) : g.Choice(a, size.Value, p, replace);
        return values.Select(v => new BigInteger(v)).ToArray();
    }
}
