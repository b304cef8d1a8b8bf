using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using Rng.Tests.Infrastructure;

namespace Rng.Tests.Distributions;

/// <summary>
/// Replays dist_continuous.json / dist_discrete.json (tools/numpy-vectors/dist_*.py): builds the generator NumPy used,
/// calls the method NumPy called by its NumPy name, through the scalar or the span form, and returns raw bit patterns.
/// </summary>
internal static class DistributionVectors
{
    private static readonly Lazy<JsonDocument> ContinuousDocument = new(() => VectorFiles.LoadJson("dist_continuous.json"));
    private static readonly Lazy<JsonDocument> DiscreteDocument = new(() => VectorFiles.LoadJson("dist_discrete.json"));

    public static JsonElement Continuous => ContinuousDocument.Value.RootElement;

    public static JsonElement Discrete => DiscreteDocument.Value.RootElement;

    /// <summary>Indices of the entries of <paramref name="section"/> whose "method" is one of <paramref name="methods"/> (all if none given).</summary>
    public static TheoryData<int> Indices(JsonElement root, string section, params string[] methods)
    {
        var data = new TheoryData<int>();
        int index = 0;
        foreach (JsonElement entry in root.GetProperty(section).EnumerateArray())
        {
            if (methods.Length == 0 || methods.Contains(entry.GetProperty("method").GetString()))
            {
                data.Add(index);
            }

            index++;
        }

        return data;
    }

    public static JsonElement Entry(JsonElement root, string section, int index) => root.GetProperty(section)[index];

    public static double Param(JsonElement parameters, string name) =>
        BitConverter.UInt64BitsToDouble(parameters.GetProperty(name).GetUInt64());

    public static ulong[] Bits(JsonElement values) => values.EnumerateArray().Select(e => e.GetUInt64()).ToArray();

    public static long[] Longs(JsonElement values) => values.EnumerateArray().Select(e => e.GetInt64()).ToArray();

    /// <summary>The bit generator NumPy used: <c>BitGen(seed)</c>, i.e. seeded through <c>SeedSequence(seed)</c>.</summary>
    public static BitGenerator NewBitGenerator(string name, ulong seed) => name switch
    {
        "PCG64" => new Pcg64(seed),
        "PCG64DXSM" => new Pcg64Dxsm(seed),
        "Philox" => new Philox(seed),
        "SFC64" => new Sfc64(seed),
        "MT19937" => new Mt19937(seed),
        _ => throw new ArgumentException($"Unknown bit generator {name}.", nameof(name)),
    };

    public static Generator NewGenerator(JsonElement entry) =>
        new(NewBitGenerator(entry.TryGetProperty("bit_generator", out JsonElement name) ? name.GetString()! : "PCG64", entry.GetProperty("seed").GetUInt64()));

    /// <summary>
    /// Draws <paramref name="count"/> values of a continuous method as bit patterns (float32 widened to ulong), through
    /// the span form when <paramref name="span"/>, else one scalar call per value.
    /// </summary>
    public static ulong[] DrawContinuous(Generator generator, string method, string dtype, JsonElement parameters, int count, bool span)
    {
        if (dtype == "float32")
        {
            var floats = new float[count];
            Func<float> one = method switch
            {
                "standard_normal" => generator.StandardNormalSingle,
                "standard_exponential" => generator.StandardExponentialSingle,
                "random" => generator.RandomSingle,
                _ => throw new ArgumentException($"No float32 form of {method}.", nameof(method)),
            };
            if (span)
            {
                switch (method)
                {
                    case "standard_normal": generator.StandardNormal(floats.AsSpan()); break;
                    case "standard_exponential": generator.StandardExponential(floats.AsSpan()); break;
                    default: generator.Random(floats.AsSpan()); break;
                }
            }
            else
            {
                for (int i = 0; i < count; i++)
                {
                    floats[i] = one();
                }
            }

            return floats.Select(f => (ulong)BitConverter.SingleToUInt32Bits(f)).ToArray();
        }

        var values = new double[count];
        if (span)
        {
            Span<double> destination = values;
            switch (method)
            {
                case "random": generator.Random(destination); break;
                case "uniform": generator.Uniform(Param(parameters, "low"), Param(parameters, "high"), destination); break;
                case "standard_normal": generator.StandardNormal(destination); break;
                case "normal": generator.Normal(Param(parameters, "loc"), Param(parameters, "scale"), destination); break;
                case "lognormal": generator.Lognormal(Param(parameters, "mean"), Param(parameters, "sigma"), destination); break;
                case "standard_exponential": generator.StandardExponential(destination); break;
                case "exponential": generator.Exponential(Param(parameters, "scale"), destination); break;
                case "standard_gamma": generator.StandardGamma(Param(parameters, "shape"), destination); break;
                case "gamma": generator.Gamma(Param(parameters, "shape"), Param(parameters, "scale"), destination); break;
                case "beta": generator.Beta(Param(parameters, "a"), Param(parameters, "b"), destination); break;
                case "chisquare": generator.ChiSquare(Param(parameters, "df"), destination); break;
                default: throw new ArgumentException($"Unknown method {method}.", nameof(method));
            }
        }
        else
        {
            for (int i = 0; i < count; i++)
            {
                values[i] = method switch
                {
                    "random" => generator.Random(),
                    "uniform" => generator.Uniform(Param(parameters, "low"), Param(parameters, "high")),
                    "standard_normal" => generator.StandardNormal(),
                    "normal" => generator.Normal(Param(parameters, "loc"), Param(parameters, "scale")),
                    "lognormal" => generator.Lognormal(Param(parameters, "mean"), Param(parameters, "sigma")),
                    "standard_exponential" => generator.StandardExponential(),
                    "exponential" => generator.Exponential(Param(parameters, "scale")),
                    "standard_gamma" => generator.StandardGamma(Param(parameters, "shape")),
                    "gamma" => generator.Gamma(Param(parameters, "shape"), Param(parameters, "scale")),
                    "beta" => generator.Beta(Param(parameters, "a"), Param(parameters, "b")),
                    "chisquare" => generator.ChiSquare(Param(parameters, "df")),
                    _ => throw new ArgumentException($"Unknown method {method}.", nameof(method)),
                };
            }
        }

        return values.Select(BitConverter.DoubleToUInt64Bits).ToArray();
    }

    /// <summary>Draws <paramref name="count"/> values of poisson / binomial / geometric, span or scalar.</summary>
    public static long[] DrawDiscrete(Generator generator, string method, JsonElement parameters, int count, bool span)
    {
        var values = new long[count];
        if (span)
        {
            switch (method)
            {
                case "poisson": generator.Poisson(Param(parameters, "lam"), values); break;
                case "binomial": generator.Binomial(parameters.GetProperty("n").GetInt64(), Param(parameters, "p"), values); break;
                case "geometric": generator.Geometric(Param(parameters, "p"), values); break;
                case "integers": generator.Integers(parameters.GetProperty("low").GetInt64(), parameters.GetProperty("high").GetInt64(), values); break;
                default: throw new ArgumentException($"Unknown method {method}.", nameof(method));
            }
        }
        else
        {
            for (int i = 0; i < count; i++)
            {
                values[i] = method switch
                {
                    "poisson" => generator.Poisson(Param(parameters, "lam")),
                    "binomial" => generator.Binomial(parameters.GetProperty("n").GetInt64(), Param(parameters, "p")),
                    "geometric" => generator.Geometric(Param(parameters, "p")),
                    "integers" => generator.Integers(parameters.GetProperty("low").GetInt64(), parameters.GetProperty("high").GetInt64()),
                    _ => throw new ArgumentException($"Unknown method {method}.", nameof(method)),
                };
            }
        }

        return values;
    }

    /// <summary>Replays one "cases" / "bitgen_cases" entry of the continuous file through both forms.</summary>
    public static void AssertContinuousCase(JsonElement entry)
    {
        string method = entry.GetProperty("method").GetString()!;
        string dtype = entry.GetProperty("dtype").GetString()!;
        JsonElement parameters = entry.GetProperty("params");
        ulong[] expected = Bits(entry.GetProperty("values"));
        foreach (bool span in new[] { false, true })
        {
            ulong[] actual = DrawContinuous(NewGenerator(entry), method, dtype, parameters, expected.Length, span);
            AssertSameBits(expected, actual, $"{method} {dtype} seed {entry.GetProperty("seed")} {(span ? "span" : "scalar")}");
        }
    }

    /// <summary>Replays one "cases" / "bitgen_cases" entry of the discrete file through both forms.</summary>
    public static void AssertDiscreteCase(JsonElement entry)
    {
        string method = entry.GetProperty("method").GetString()!;
        long[] expected = Longs(entry.GetProperty("values"));
        foreach (bool span in new[] { false, true })
        {
            long[] actual = DrawDiscrete(NewGenerator(entry), method, entry.GetProperty("params"), expected.Length, span);
            Assert.Equal(expected, actual);
        }
    }

    /// <summary>Fails at the first differing value, with its index and both bit patterns.</summary>
    public static void AssertSameBits(ulong[] expected, ulong[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            if (expected[i] != actual[i])
            {
                Assert.Fail($"{what}: value {i} is 0x{actual[i]:X16}, NumPy gives 0x{expected[i]:X16}.");
            }
        }
    }

    /// <summary>
    /// Replays a long run: the SHA-256 of all value bits (little-endian, as NumPy's tobytes) and every checkpoint,
    /// through both forms.
    /// </summary>
    public static void AssertLongRun(JsonElement run)
    {
        string method = run.GetProperty("method").GetString()!;
        string dtype = run.GetProperty("dtype").GetString()!;
        int size = run.GetProperty("size").GetInt32();
        string expectedHash = run.GetProperty("sha256").GetString()!;
        foreach (bool span in new[] { false, true })
        {
            ulong[] bits = DrawContinuous(NewGenerator(run), method, dtype, default, size, span);
            foreach (JsonElement checkpoint in run.GetProperty("checkpoints").EnumerateArray())
            {
                int index = checkpoint[0].GetInt32();
                Assert.True(checkpoint[1].GetUInt64() == bits[index], $"{method} {dtype} seed {run.GetProperty("seed")} {(span ? "span" : "scalar")}: value {index} is 0x{bits[index]:X}, NumPy gives 0x{checkpoint[1].GetUInt64():X}.");
            }

            // NumPy's tobytes(): little-endian IEEE values, 4 or 8 bytes each.
            byte[] bytes = dtype == "float32"
                ? MemoryMarshal.AsBytes(bits.Select(b => (uint)b).ToArray().AsSpan()).ToArray()
                : MemoryMarshal.AsBytes(bits.AsSpan()).ToArray();
            Assert.Equal(expectedHash, Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant());
        }
    }

    /// <summary>Checks a NumPy rejection: same exception family, NumPy's message first, the argument named.</summary>
    public static void AssertNumPyRejection(Action call, string numpyMessage, string parameterName)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(call);
        Assert.StartsWith(numpyMessage, error.Message, StringComparison.Ordinal);
        Assert.Equal(parameterName, error.ParamName);
    }
}
