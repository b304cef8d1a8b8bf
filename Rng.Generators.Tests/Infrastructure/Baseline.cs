namespace Rng.Generators.Tests.Infrastructure;

/// <summary>
/// Compares generated text with a reviewed file in Baselines/. Set RNG_UPDATE_BASELINES=1 to rewrite the files after
/// an intended change (then review the diff before committing).
/// </summary>
internal static class Baseline
{
    public static void AssertMatches(string name, string actual)
    {
        string directory = Path.Combine(RepositoryPaths.TestProject, "Baselines");
        string path = Path.Combine(directory, name + ".g.cs");
        actual = actual.Replace("\r\n", "\n");
        bool update = Environment.GetEnvironmentVariable("RNG_UPDATE_BASELINES") == "1";
        if (update || !File.Exists(path))
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(path, actual);
            Assert.True(update, $"Baseline {path} did not exist; it was written now: review it and re-run.");
            return;
        }

        string expected = File.ReadAllText(path).Replace("\r\n", "\n");
        Assert.Equal(expected, actual);
    }
}
