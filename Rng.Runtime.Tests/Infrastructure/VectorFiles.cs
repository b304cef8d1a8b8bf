using System.Text.Json;

namespace Rng.Tests.Infrastructure;

/// <summary>Reads the committed NumPy vectors copied beside the test assembly.</summary>
internal static class VectorFiles
{
    public static string PathOf(string relativePath) =>
        Path.Combine(AppContext.BaseDirectory, "Vectors", relativePath);

    public static JsonDocument LoadJson(string relativePath) =>
        JsonDocument.Parse(File.ReadAllText(PathOf(relativePath)));

    /// <summary>Reads a NumPy known-answer CSV: the seed on the first line, then 'index, 0x...' values.</summary>
    public static (ulong Seed, ulong[] Values) LoadKnownAnswers(string fileName)
    {
        var lines = File.ReadAllLines(PathOf(Path.Combine("numpy-known-answers", fileName)));
        ulong seed = ParseHex(lines[0].Split(',')[1]);
        var values = lines.Skip(1).Where(l => l.Trim().Length > 0).Select(l => ParseHex(l.Split(',')[1])).ToArray();
        return (seed, values);
    }

    private static ulong ParseHex(string text) => Convert.ToUInt64(text.Trim(), 16);
}
