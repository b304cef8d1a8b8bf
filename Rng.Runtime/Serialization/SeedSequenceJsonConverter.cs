using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rng.Serialization;

/// <summary>
/// System.Text.Json form of a <see cref="SeedSequence"/>:
/// <c>{"entropy":["…"],"isList":false,"spawnKey":["…"],"poolSize":4,"childrenSpawned":0}</c>.
/// Integers of any size are strings of decimal digits (JSON numbers of integer value are accepted too); every member
/// is required, unknown or repeated members are rejected, and each error names the member and what it allows.
/// </summary>
internal sealed class SeedSequenceJsonConverter : JsonConverter<SeedSequence>
{
    private const string EntropyName = "entropy";
    private const string IsListName = "isList";
    private const string SpawnKeyName = "spawnKey";
    private const string PoolSizeName = "poolSize";
    private const string ChildrenSpawnedName = "childrenSpawned";

    public override SeedSequence Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"A SeedSequence must be a JSON object, not a JSON {reader.TokenType}.");
        }

        BigInteger[]? entropy = null;
        bool? isList = null;
        BigInteger[]? spawnKey = null;
        int? poolSize = null;
        int? childrenSpawned = null;
        while (true)
        {
            Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            string name = reader.GetString()!;
            Read(ref reader);
            switch (name)
            {
                case EntropyName:
                    EnsureFirst(entropy is null, name);
                    entropy = ReadIntegers(ref reader, name);
                    break;
                case IsListName:
                    EnsureFirst(isList is null, name);
                    isList = reader.TokenType switch
                    {
                        JsonTokenType.True => true,
                        JsonTokenType.False => false,
                        _ => throw new JsonException($"SeedSequence '{IsListName}' must be true or false, not a JSON {reader.TokenType}."),
                    };
                    break;
                case SpawnKeyName:
                    EnsureFirst(spawnKey is null, name);
                    spawnKey = ReadIntegers(ref reader, name);
                    break;
                case PoolSizeName:
                    EnsureFirst(poolSize is null, name);
                    poolSize = ReadInt32(ref reader, name, SeedSequence.DefaultPoolSize);
                    break;
                case ChildrenSpawnedName:
                    EnsureFirst(childrenSpawned is null, name);
                    childrenSpawned = ReadInt32(ref reader, name, 0);
                    break;
                default:
                    throw new JsonException(
                        $"Unknown SeedSequence member '{name}'; expected {EntropyName}, {IsListName}, {SpawnKeyName}, {PoolSizeName} and {ChildrenSpawnedName}.");
            }
        }

        Require(entropy is not null, EntropyName);
        Require(isList is not null, IsListName);
        Require(spawnKey is not null, SpawnKeyName);
        Require(poolSize is not null, PoolSizeName);
        Require(childrenSpawned is not null, ChildrenSpawnedName);
        if (isList == false && entropy!.Length != 1)
        {
            throw new JsonException(
                $"SeedSequence '{EntropyName}' must hold exactly one integer when '{IsListName}' is false, but it holds {entropy.Length}.");
        }

        try
        {
            return SeedSequence.FromParts(entropy!, isList!.Value, spawnKey!, poolSize!.Value, childrenSpawned!.Value);
        }
        catch (ArgumentException ex)
        {
            throw new JsonException($"Invalid SeedSequence: {ex.Message}", ex);
        }
    }

    public override void Write(Utf8JsonWriter writer, SeedSequence value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        WriteIntegers(writer, EntropyName, value.Entropy);
        writer.WriteBoolean(IsListName, value.IsEntropyList);
        WriteIntegers(writer, SpawnKeyName, value.SpawnKey);
        writer.WriteNumber(PoolSizeName, value.PoolSize);
        writer.WriteNumber(ChildrenSpawnedName, value.ChildrenSpawned);
        writer.WriteEndObject();
    }

    private static void WriteIntegers(Utf8JsonWriter writer, string name, IReadOnlyList<BigInteger> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
        }

        writer.WriteEndArray();
    }

    private static BigInteger[] ReadIntegers(ref Utf8JsonReader reader, string name)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"SeedSequence '{name}' must be an array of non-negative integers, not a JSON {reader.TokenType}.");
        }

        var values = new List<BigInteger>();
        while (true)
        {
            Read(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return values.ToArray();
            }

            values.Add(ReadNonNegativeInteger(ref reader, $"{name}[{values.Count}]"));
        }
    }

    private static BigInteger ReadNonNegativeInteger(ref Utf8JsonReader reader, string name)
    {
        // Strings carry big integers exactly; a JSON number is accepted when its text is plain digits.
        string text = reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString()!,
            JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan),
            _ => throw new JsonException($"SeedSequence '{name}' must be a non-negative integer as a string of decimal digits, not a JSON {reader.TokenType}."),
        };
        if (text.Length == 0 || !text.All(char.IsAsciiDigit))
        {
            throw new JsonException(
                $"SeedSequence '{name}' must be a non-negative integer (decimal digits only), but was \"{UInt128StringConverter.Truncate(text)}\".");
        }

        return BigInteger.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private static int ReadInt32(ref Utf8JsonReader reader, string name, int minimum)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out int value) || value < minimum)
        {
            throw new JsonException($"SeedSequence '{name}' must be an integer from {minimum} to {int.MaxValue}.");
        }

        return value;
    }

    private static void Read(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("The SeedSequence JSON ends early.");
        }
    }

    private static void EnsureFirst(bool first, string name)
    {
        if (!first)
        {
            throw new JsonException($"SeedSequence member '{name}' appears twice.");
        }
    }

    private static void Require(bool present, string name)
    {
        if (!present)
        {
            throw new JsonException($"SeedSequence member '{name}' is missing; every member is required.");
        }
    }
}
