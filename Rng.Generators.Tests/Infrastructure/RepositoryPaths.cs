namespace Rng.Generators.Tests.Infrastructure;

/// <summary>
/// Finds the checkout from the test assembly's folder. Caller file paths cannot be used: CI builds map source paths
/// to '/_/' (ContinuousIntegrationBuild), so they name no real folder there.
/// </summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string TestProject => Path.Combine(Root, "Rng.Generators.Tests");

    private static string FindRoot()
    {
        for (string? directory = AppContext.BaseDirectory; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "RngSafety.sln")))
            {
                return directory;
            }
        }

        throw new InvalidOperationException("The repository root (the folder holding RngSafety.sln) was not found above " + AppContext.BaseDirectory);
    }
}
