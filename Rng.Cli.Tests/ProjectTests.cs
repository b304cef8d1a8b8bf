namespace Rng.Cli.Tests;

/// <summary>Solutions and projects load through MSBuildWorkspace (an out-of-process build host, so these are the slow tests).</summary>
public sealed class ProjectTests
{
    private const string ProjectFile = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
          </PropertyGroup>
        </Project>
        """;

    [Fact]
    public void Csproj_LoadsThroughMSBuild_AndABrokenProjectIsReportedWhileTheRestIsChecked()
    {
        using var folder = new TempFolder();
        string project = folder.Write("app/App.csproj", ProjectFile);
        string source = folder.Write("app/Workers.cs", Sources.SeedArithmetic);
        string broken = folder.Write("broken/Broken.csproj", "<Project><PropertyGroup>");

        var (exitCode, output, error) = Cli.Run("check", project, broken);

        Assert.Equal(2, exitCode);
        Assert.Contains(broken, error);
        var finding = Assert.Single(Cli.Findings(output));
        Assert.Equal((source, "RNG1001"), (finding.Path, finding.Id));

        var (cleanExit, cleanOutput, cleanError) = Cli.Run("check", project);
        Assert.Equal(1, cleanExit);
        Assert.Equal("", cleanError);
        Assert.Single(Cli.Findings(cleanOutput));
    }

    [Fact]
    public void Sln_LoadsEveryProject()
    {
        using var folder = new TempFolder();
        folder.Write("app/App.csproj", ProjectFile);
        string source = folder.Write("app/Workers.cs", Sources.SeedArithmetic);
        string solution = folder.Write("All.sln", """
            Microsoft Visual Studio Solution File, Format Version 12.00
            # Visual Studio Version 17
            Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "App", "app\App.csproj", "{11111111-2222-3333-4444-555555555555}"
            EndProject
            Global
            	GlobalSection(SolutionConfigurationPlatforms) = preSolution
            		Debug|Any CPU = Debug|Any CPU
            	EndGlobalSection
            	GlobalSection(ProjectConfigurationPlatforms) = postSolution
            		{11111111-2222-3333-4444-555555555555}.Debug|Any CPU.ActiveCfg = Debug|Any CPU
            		{11111111-2222-3333-4444-555555555555}.Debug|Any CPU.Build.0 = Debug|Any CPU
            	EndGlobalSection
            EndGlobal
            """);

        var (exitCode, output, error) = Cli.Run("check", solution);

        Assert.Equal(1, exitCode);
        Assert.Equal("", error);
        var finding = Assert.Single(Cli.Findings(output));
        Assert.Equal((source, "RNG1001"), (finding.Path, finding.Id));
    }

    [Fact]
    public void Csproj_Fix_RewritesTheProjectFile()
    {
        using var folder = new TempFolder();
        string project = folder.Write("app/App.csproj", ProjectFile);
        string source = folder.Write("app/Clock.cs", Sources.ClockSeed);

        var (_, output, error) = Cli.Run("check", project, "--fix");

        Assert.DoesNotContain("Environment.TickCount", File.ReadAllText(source));
        Assert.Contains("rngsafety: fixed ", error);
        Assert.DoesNotContain(Cli.Findings(output), f => f.Id == "RNG1003");
    }
}
