using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rng.Serialization;

/// <summary>
/// Writes a <see cref="UInt128"/> as a JSON string of decimal digits (JSON numbers lose precision above 2^53 in many
/// readers) and reads it back strictly: digits only, no sign, no spaces, at most 2^128 - 1. The digits are the same
/// Python ints NumPy's <c>bit_generator.state</c> shows, so states can be compared with NumPy's by eye.
/// </summary>
internal sealed class UInt128StringConverter : JsonConverter<UInt128>
{
    private readonly string _fieldName;

    public UInt128StringConverter(string fieldName)
    {
        _fieldName = fieldName;
    }

    public override UInt128 Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException(
                $"'{_fieldName}' must be a string of decimal digits (an integer from 0 to 2^128 - 1), not a JSON {reader.TokenType}.");
        }

        string text = reader.GetString()!;
        if (text.Length == 0 || !UInt128.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out UInt128 value))
        {
            throw new JsonException(
                $"'{_fieldName}' must be a string of decimal digits (an integer from 0 to 2^128 - 1), but was \"{Truncate(text)}\".");
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, UInt128 value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));

    internal static string Truncate(string text) => text.Length <= 60 ? text : text[..60] + "...";
}

/// <summary>Serialises the marked <see cref="UInt128"/> member with <see cref="UInt128StringConverter"/>, naming the field in errors.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false)]
internal sealed class JsonUInt128StringAttribute : JsonConverterAttribute
{
    private readonly string _fieldName;

    /// <param name="fieldName">The JSON name of the member, quoted in error messages.</param>
    public JsonUInt128StringAttribute(string fieldName)
    {
        _fieldName = fieldName;
    }

    public override JsonConverter? CreateConverter(Type typeToConvert) => new UInt128StringConverter(_fieldName);
}
