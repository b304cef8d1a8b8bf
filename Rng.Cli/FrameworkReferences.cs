using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;

namespace Rng.Cli;

/// <summary>
/// Metadata references for folders and loose files: the running framework's reference assemblies (the SDK's ref pack
/// for this runtime version when present, else the runtime's own assemblies) plus Rng.Runtime.
/// </summary>
internal static class FrameworkReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyAll = new(Create);

    public static ImmutableArray<MetadataReference> All => LazyAll.Value;

    /// <summary>Where the references came from, for diagnostics of the tool itself.</summary>
    public static string Source { get; private set; } = "";

    private static ImmutableArray<MetadataReference> Create()
    {
        var paths = FindRefPack() ?? FindRuntimeAssemblies();
        var references = paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
        references.Add(MetadataReference.CreateFromFile(typeof(Rng.SeedSequence).Assembly.Location));
        return references.ToImmutableArray();
    }

    private static IReadOnlyList<string>? FindRefPack()
    {
        // <dotnet root>/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll → <dotnet root>/packs/Microsoft.NETCore.App.Ref/<version>/ref/net<major>.<minor>/
        string runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory();
        var version = Environment.Version;
        var dotnetRoot = new DirectoryInfo(runtimeDirectory).Parent?.Parent?.Parent;
        var packRoot = dotnetRoot is null ? null : Path.Combine(dotnetRoot.FullName, "packs", "Microsoft.NETCore.App.Ref");
        if (packRoot is null || !Directory.Exists(packRoot))
        {
            return null;
        }

        string tfm = $"net{version.Major}.{version.Minor}";
        var candidates = Directory.GetDirectories(packRoot)
            .Select(d => (Dir: d, Version: Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : null))
            .Where(c => c.Version is not null && c.Version.Major == version.Major && c.Version.Minor == version.Minor)
            .OrderByDescending(c => c.Version)
            .Select(c => Path.Combine(c.Dir, "ref", tfm))
            .Where(Directory.Exists)
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        Source = candidates[0];
        return Directory.GetFiles(candidates[0], "*.dll");
    }

    private static IReadOnlyList<string> FindRuntimeAssemblies()
    {
        string runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory();
        Source = runtimeDirectory;
        return Directory.GetFiles(runtimeDirectory, "*.dll").Where(IsManagedAssembly).ToList();
    }

    private static bool IsManagedAssembly(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new PEReader(stream);
            return reader.HasMetadata && reader.GetMetadataReader().IsAssembly;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
