using System.IO.Compression;

namespace Rng.Package.Tests.Infrastructure;

/// <summary>
/// Packs Rng.Runtime once into a local folder feed and creates consumer projects that restore RngSafety from that feed plus the machine's configured
/// sources, into a private NUGET_PACKAGES folder. Everything lives in one temporary folder deleted at the end.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    /// <summary>A prerelease version no real release uses; the private package folder keeps runs apart.</summary>
    public const string Version = "0.0.0-e2e";

    public PackageFixture()
    {
        RepositoryRoot = FindRepositoryRoot();
        Root = Path.Combine(Path.GetTempPath(), "rngsafety-e2e-" + Guid.NewGuid().ToString("N")[..12]);
        Feed = Path.Combine(Root, "feed");
        NuGetPackages = Path.Combine(Root, "nuget-packages");
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(NuGetPackages);

        // Consumers must see neither the repository's build settings nor any others above the temporary folder.
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Packages.props"), "<Project />\n");
        // Adds the feed and keeps the machine's configured sources (no <clear/>).
        File.WriteAllText(Path.Combine(Root, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="rngsafety-e2e" value="{Feed}" />
              </packageSources>
            </configuration>
            """);

        // Packs what the solution build has just compiled (this test project references Rng.Runtime, which builds the
        // analyzers, code fixes and generator), so the package holds exactly the assemblies the other tests verified.
        PackResult = DotNet.Run(
            RepositoryRoot,
            NuGetPackages,
            "pack",
            Path.Combine(RepositoryRoot, "Rng.Runtime", "Rng.Runtime.csproj"),
            "--no-build",
            "-c", Configuration,
            "-o", Feed,
            "-p:Version=" + Version,
            "-tl:off",
            "-nodeReuse:false");
        PackagePath = Path.Combine(Feed, $"RngSafety.{Version}.nupkg");
        SymbolsPackagePath = Path.Combine(Feed, $"RngSafety.{Version}.snupkg");
        Builds = new ConsumerBuilds(this);
    }

    /// <summary>Consumer builds shared by several tests, each made on first use.</summary>
    public ConsumerBuilds Builds { get; }

    /// <summary>The configuration this test assembly (and so Rng.Runtime beside it) was built in.</summary>
#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    public string RepositoryRoot { get; }

    public string Root { get; }

    public string Feed { get; }

    public string NuGetPackages { get; }

    public ProcessResult PackResult { get; }

    public string PackagePath { get; }

    public string SymbolsPackagePath { get; }

    /// <summary>Fails the calling test with the pack output when packing failed.</summary>
    public void AssertPacked()
    {
        Assert.True(PackResult.ExitCode == 0 && File.Exists(PackagePath), "dotnet pack failed:\n" + PackResult);
    }

    /// <summary>Entry names of a package (a zip file).</summary>
    public static IReadOnlyList<string> Entries(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        return zip.Entries.Select(e => e.FullName).ToList();
    }

    /// <summary>Text of one entry of a package.</summary>
    public static string ReadEntry(string package, string entry)
    {
        using var zip = ZipFile.OpenRead(package);
        using var reader = new StreamReader(zip.GetEntry(entry)?.Open() ?? throw new FileNotFoundException(entry + " is not in " + package));
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Creates a net10.0 console project <paramref name="name"/> referencing the packed RngSafety, with the files of
    /// Assets/<paramref name="assets"/> (including .editorconfig), and returns its folder.
    /// </summary>
    public Consumer CreateConsumer(string name, string assets, string extraProperties = "")
    {
        AssertPacked();
        var folder = Path.Combine(Root, name);
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Assets", assets)))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(folder, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                {extraProperties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="RngSafety" Version="{Version}" />
              </ItemGroup>
            </Project>
            """);
        return new Consumer(this, name, folder);
    }

    public void Dispose()
    {
        // Set RNGSAFETY_E2E_KEEP=1 to keep the consumers for inspection after a failure.
        if (Environment.GetEnvironmentVariable("RNGSAFETY_E2E_KEEP") == "1")
        {
            return;
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open must not fail the run; the folder is in the temporary directory.
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RngSafety.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("RngSafety.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>One consumer project in the fixture's temporary folder.</summary>
public sealed class Consumer
{
    private readonly PackageFixture _fixture;
    private int _builds;

    public Consumer(PackageFixture fixture, string name, string folder)
    {
        _fixture = fixture;
        Name = name;
        Folder = folder;
    }

    public string Name { get; }

    public string Folder { get; }

    public string ProjectPath => Path.Combine(Folder, Name + ".csproj");

    /// <summary>
    /// Builds the project from scratch (so every diagnostic is reported again) with a SARIF 2.1 error log, which
    /// carries each rule's help link; restores on the first build only.
    /// </summary>
    public BuildResult Build(params string[] extraArguments)
    {
        var log = Path.Combine(Folder, $"build{++_builds}.sarif");
        var arguments = new List<string> { "build", ProjectPath, "--no-incremental", "-tl:off", "-nodeReuse:false", $"-p:ErrorLog={log}%2Cversion=2.1" };
        if (_builds > 1)
        {
            arguments.Add("--no-restore");
        }

        arguments.AddRange(extraArguments);
        var result = DotNet.Run(Folder, _fixture.NuGetPackages, arguments.ToArray());
        return new BuildResult(result, Sarif.Read(log));
    }

    /// <summary>Runs any other dotnet command in the project folder.</summary>
    public ProcessResult Run(params string[] arguments) => DotNet.Run(Folder, _fixture.NuGetPackages, arguments);

    /// <summary>Runs the built program (Debug configuration).</summary>
    public ProcessResult RunProgram() =>
        DotNet.Run(Folder, _fixture.NuGetPackages, Path.Combine(Folder, "bin", "Debug", "net10.0", Name + ".dll"));

    public string ReadFile(string file) => File.ReadAllText(Path.Combine(Folder, file));
}
