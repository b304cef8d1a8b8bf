using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Rng.Analyzers.Tests.Infrastructure;

/// <summary>References for the in-memory test compilations.</summary>
public static class TestReferences
{
    /// <summary>.NET 8 reference assemblies (the oldest target Rng.Runtime supports).</summary>
    public static readonly ReferenceAssemblies Net80 = new(
        "net8.0",
        new PackageIdentity("Microsoft.NETCore.App.Ref", "8.0.28"),
        Path.Combine("ref", "net8.0"));

    /// <summary>
    /// Rng.Runtime's net8.0 build (copied next to the tests by the project file), so fixes are checked against the real API.
    /// The net10.0 build that <c>typeof(Rng.SeedSequence).Assembly</c> loads cannot be used with .NET 8 reference assemblies (CS1705).
    /// </summary>
    public static MetadataReference RngRuntime { get; } = LoadRngRuntime();

    private static MetadataReference LoadRngRuntime()
    {
        var directory = Path.GetDirectoryName(typeof(TestReferences).Assembly.Location)!;
        var path = Path.Combine(directory, "rng-runtime-net8.0", "Rng.Runtime.dll");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("Rng.Runtime's net8.0 build was not copied next to the tests; rebuild Rng.Analyzers.Tests.", path);
        }

        return MetadataReference.CreateFromFile(path);
    }
}
