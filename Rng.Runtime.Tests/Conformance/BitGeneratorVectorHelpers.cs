using System.Numerics;
using System.Text.Json;

namespace Rng.Tests.Conformance;

/// <summary>Reads the shared parts of the bitgen_*.json vectors written by tools/numpy-vectors/bitgen_*.py.</summary>
internal static class BitGeneratorVectorHelpers
{
    /// <summary>The seed spec {"entropy": "decimal", "spawn_key": [..]} as the SeedSequence NumPy built.</summary>
    public static SeedSequence SeedSequenceOf(JsonElement spec)
    {
        var entropy = BigInteger.Parse(spec.GetProperty("entropy").GetString()!);
        var spawnKey = spec.GetProperty("spawn_key").EnumerateArray().Select(e => new BigInteger(e.GetUInt64())).ToArray();
        return new SeedSequence(entropy, spawnKey);
    }

    public static ulong[] UInt64s(JsonElement array) => array.EnumerateArray().Select(e => e.GetUInt64()).ToArray();

    public static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    public static int[] Int32s(JsonElement array) => array.EnumerateArray().Select(e => e.GetInt32()).ToArray();

    public static BigInteger BigIntegerOf(JsonElement element) => BigInteger.Parse(element.GetString()!);

    public static T Deserialize<T>(JsonElement element) => element.Deserialize<T>()!;

    /// <summary>Runs NumPy's ctypes ops (u32 = next_uint32, u64 = next_uint64, f64 = next_double as its bits).</summary>
    public static ulong[] Draw(BitGenerator generator, IEnumerable<string> ops) =>
        ops.Select(op => op switch
        {
            "u32" => generator.NextUInt32(),
            "u64" => generator.NextUInt64(),
            "f64" => BitConverter.DoubleToUInt64Bits(generator.NextDouble()),
            _ => throw new ArgumentException($"Unknown op {op}.", nameof(ops)),
        }).ToArray();

    public static ulong[] NextUInt64s(BitGenerator generator, int count)
    {
        var values = new ulong[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = generator.NextUInt64();
        }

        return values;
    }

    /// <summary>
    /// For every length 0..70 and every lead-in (0..5 64-bit draws, optionally one 32-bit draw so a half is
    /// buffered), Fill must equal the scalar path and leave an equal state behind.
    /// </summary>
    public static void AssertFillEqualsScalar<TGenerator, TState>(Func<TGenerator> create, Func<TGenerator, TState> stateOf)
        where TGenerator : BitGenerator
    {
        for (int leadIn = 0; leadIn <= 5; leadIn++)
        {
            foreach (bool half in new[] { false, true })
            {
                for (int length = 0; length <= 70; length++)
                {
                    TGenerator scalar = create(), bulk = create();
                    LeadIn(scalar, leadIn, half);
                    LeadIn(bulk, leadIn, half);
                    var expected = NextUInt64s(scalar, length);
                    var actual = new ulong[length + 2];
                    bulk.Fill(actual.AsSpan(1, length)); // an odd offset into a larger array
                    Assert.Equal(0UL, actual[0]);
                    Assert.Equal(0UL, actual[^1]);
                    Assert.Equal(expected, actual[1..^1]);
                    Assert.Equal(stateOf(scalar), stateOf(bulk));
                    Assert.Equal(scalar.NextUInt32(), bulk.NextUInt32());
                }
            }
        }
    }

    /// <summary>A state snapshot serialised to JSON and back resumes the stream exactly (32-bit half included).</summary>
    public static void AssertJsonRoundTripContinues<TGenerator, TState>(
        TGenerator generator, Func<TGenerator, TState> stateOf, Func<TState, TGenerator> fromState)
        where TGenerator : BitGenerator
    {
        LeadIn(generator, 3, half: true);
        string json = JsonSerializer.Serialize(stateOf(generator));
        TState restored = JsonSerializer.Deserialize<TState>(json)!;
        Assert.Equal(stateOf(generator), restored);
        TGenerator resumed = fromState(restored);
        var ops = Enumerable.Range(0, 200).Select(i => (i % 3) switch { 0 => "u32", 1 => "u64", _ => "f64" }).ToArray();
        Assert.Equal(Draw(generator, ops), Draw(resumed, ops));
    }

    private static void LeadIn(BitGenerator generator, int draws, bool half)
    {
        for (int i = 0; i < draws; i++)
        {
            generator.NextUInt64();
        }

        if (half)
        {
            generator.NextUInt32();
        }
    }
}
