using System.Text.Json;

namespace Rng.Cli.Tests;

public sealed class CheckTests
{
    [Fact]
    public void TextFormat_ReportsCompilerStyleLinesAndExitsOne()
    {
        using var folder = new TempFolder();
        string file = folder.Write("Workers.cs", Sources.SeedArithmetic);

        var (exitCode, output, _) = Cli.Run("check", folder.Root);

        Assert.Equal(1, exitCode);
        var finding = Assert.Single(Cli.Findings(output));
        var (line, column) = Cli.PositionOf(Sources.SeedArithmetic, "rootSeed + workerId");
        Assert.Equal((file, line, column, "warning", "RNG1001"), finding);
        Assert.Contains("RNG1001: 1 finding - Seed derived by arithmetic", output);
        Assert.Contains("1 finding in 1 file, 1 file checked.", output);
    }

    [Fact]
    public void SafeCode_ExitsZeroWithNoFindings()
    {
        using var folder = new TempFolder();
        folder.Write("Safe.cs", Sources.Safe);

        var (exitCode, output, error) = Cli.Run("check", folder.Root);

        Assert.Equal(0, exitCode);
        Assert.Empty(Cli.Findings(output));
        Assert.Contains("0 findings in 0 files, 1 file checked.", output);
        Assert.Equal("", error);
    }

    [Fact]
    public void LooseFiles_AreCheckedTogether()
    {
        using var folder = new TempFolder();
        string workers = folder.Write("a/Workers.cs", Sources.SeedArithmetic);
        string clock = folder.Write("b/Clock.cs", Sources.ClockSeed);

        var (exitCode, output, _) = Cli.Run("check", workers, clock);

        Assert.Equal(1, exitCode);
        var findings = Cli.Findings(output);
        Assert.Equal(new[] { (workers, "RNG1001"), (clock, "RNG1003") }.OrderBy(f => f.Item1, StringComparer.Ordinal), findings.Select(f => (f.Path, f.Id)).OrderBy(f => f.Item1, StringComparer.Ordinal));
    }

    [Fact]
    public void Sarif_IsStructurallyValid()
    {
        using var folder = new TempFolder();
        folder.Write("Workers.cs", Sources.SeedArithmetic);

        var (exitCode, output, error) = Cli.Run("check", folder.Root, "--format", "sarif");

        Assert.Equal(1, exitCode);
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.EndsWith("sarif-2.1.0.json", root.GetProperty("$schema").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("rngsafety", driver.GetProperty("name").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(AnalyzerCatalog.Default.Rules.Keys.OrderBy(k => k, StringComparer.Ordinal), rules.Select(r => r.GetProperty("id").GetString()));
        foreach (var rule in rules)
        {
            string id = rule.GetProperty("id").GetString()!;
            Assert.EndsWith($"/docs/rules/{id}.md", rule.GetProperty("helpUri").GetString());
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("shortDescription").GetProperty("text").GetString()));
            Assert.Contains(rule.GetProperty("defaultConfiguration").GetProperty("level").GetString(), new[] { "note", "warning", "error" });
        }

        var result = Assert.Single(run.GetProperty("results").EnumerateArray());
        Assert.Equal("RNG1001", result.GetProperty("ruleId").GetString());
        Assert.Equal("RNG1001", rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
        Assert.Equal("warning", result.GetProperty("level").GetString());
        var location = Assert.Single(result.GetProperty("locations").EnumerateArray()).GetProperty("physicalLocation");
        Assert.EndsWith("/Workers.cs", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        var (line, column) = Cli.PositionOf(Sources.SeedArithmetic, "rootSeed + workerId");
        Assert.Equal(line, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(column, location.GetProperty("region").GetProperty("startColumn").GetInt32());
        Assert.True(Assert.Single(run.GetProperty("invocations").EnumerateArray()).GetProperty("executionSuccessful").GetBoolean());
        Assert.Contains("RNG1001: 1 finding", error); // The summary goes to stderr so stdout stays one SARIF document.
    }

    [Fact]
    public void Json_ListsFindingsSummaryAndErrors()
    {
        using var folder = new TempFolder();
        string file = folder.Write("Clock.cs", Sources.ClockSeed);

        var (exitCode, output, _) = Cli.Run("check", folder.Root, "--format=json");

        Assert.Equal(1, exitCode);
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        Assert.Equal(1, root.GetProperty("filesChecked").GetInt32());
        var finding = Assert.Single(root.GetProperty("findings").EnumerateArray());
        Assert.Equal("RNG1003", finding.GetProperty("ruleId").GetString());
        Assert.Equal(file, finding.GetProperty("fullPath").GetString());
        Assert.Equal(Cli.PositionOf(Sources.ClockSeed, "Environment.TickCount").Line, finding.GetProperty("line").GetInt32());
        Assert.EndsWith("/docs/rules/RNG1003.md", finding.GetProperty("helpUri").GetString());
        var summary = Assert.Single(root.GetProperty("summary").EnumerateArray());
        Assert.Equal(1, summary.GetProperty("count").GetInt32());
        Assert.Equal(0, root.GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public void MissingPath_ExitsTwoAndStillChecksTheRest()
    {
        using var folder = new TempFolder();
        string file = folder.Write("Workers.cs", Sources.SeedArithmetic);
        string missing = Path.Combine(folder.Root, "does-not-exist");

        var (exitCode, output, error) = Cli.Run("check", missing, file);

        Assert.Equal(2, exitCode);
        Assert.Contains($"rngsafety: error: {missing}: no such file or folder.", error);
        Assert.Equal("RNG1001", Assert.Single(Cli.Findings(output)).Id);
        Assert.Contains("1 load error", output);
    }

    [Fact]
    public void UnsupportedFileKind_IsALoadError()
    {
        using var folder = new TempFolder();
        string text = folder.Write("notes.txt", "not code");

        var (exitCode, _, error) = Cli.Run("check", text);

        Assert.Equal(2, exitCode);
        Assert.Contains("unsupported file kind '.txt'", error);
    }

    [Theory]
    [InlineData(new string[0], "no command given")]
    [InlineData(new[] { "audit", "." }, "unknown command 'audit'")]
    [InlineData(new[] { "check" }, "needs at least one PATH")]
    [InlineData(new[] { "check", ".", "--format", "xml" }, "--format must be one of text, sarif, json (got 'xml')")]
    [InlineData(new[] { "check", ".", "--severity" }, "--severity must be one of info, warning, error (got 'nothing')")]
    [InlineData(new[] { "check", ".", "--exclude" }, "--exclude needs a glob")]
    [InlineData(new[] { "check", ".", "--frobnicate" }, "unknown option '--frobnicate'")]
    public void UsageErrors_ExitTwoWithAClearMessage(string[] args, string expected)
    {
        var (exitCode, output, error) = Cli.Run(args);

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Help_PrintsUsageAndExitsZero()
    {
        var (exitCode, output, _) = Cli.Run("--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("Usage: rngsafety check PATH...", output);
    }

    [Fact]
    public void BrokenCode_IsStillAudited()
    {
        const string broken = """
            using System;
            using Some.Missing.Package;

            public class Broken : MissingBase
            {
                public void Run(int rootSeed)
                {
                    for (int workerId = 0; workerId < 4; workerId++)
                    {
                        var rng = new Random(rootSeed + workerId);
                        MissingHelper.Use(rng)   // missing semicolon
                    }
                }
            """;
        using var folder = new TempFolder();
        folder.Write("Broken.cs", broken);

        var (exitCode, output, _) = Cli.Run("check", folder.Root);

        Assert.Equal(1, exitCode);
        var finding = Assert.Single(Cli.Findings(output));
        Assert.Equal("RNG1001", finding.Id);
        Assert.Equal(Cli.PositionOf(broken, "rootSeed + workerId").Line, finding.Line);
    }

    [Fact]
    public void ImplicitUsings_LetSdkStyleCodeBind()
    {
        // No using directives: an SDK project with ImplicitUsings compiles this, so the audit must bind it too.
        const string implicitUsings = """
            public static class Clock
            {
                public static int Draw() => new Random(Environment.TickCount).Next();
            }
            """;
        using var folder = new TempFolder();
        folder.Write("Clock.cs", implicitUsings);

        var (_, output, _) = Cli.Run("check", folder.Root);

        Assert.Equal("RNG1003", Assert.Single(Cli.Findings(output)).Id);
    }

    [Fact]
    public void ExcludeGlob_DropsMatchingFiles()
    {
        using var folder = new TempFolder();
        folder.Write("Workers.cs", Sources.SeedArithmetic);
        string clock = folder.Write("legacy/Clock.cs", Sources.ClockSeed);

        var (exitCode, output, _) = Cli.Run("check", folder.Root, "--exclude", "Workers.cs");

        Assert.Equal(1, exitCode);
        Assert.Equal(clock, Assert.Single(Cli.Findings(output)).Path);

        var (onlyLegacyExcluded, output2, _) = Cli.Run("check", folder.Root, "--exclude", "**/legacy/**", "--exclude", "*.g.cs");
        Assert.Equal(1, onlyLegacyExcluded);
        Assert.Equal("RNG1001", Assert.Single(Cli.Findings(output2)).Id);
    }

    [Fact]
    public void IncludeGlob_KeepsOnlyMatchingFiles()
    {
        using var folder = new TempFolder();
        folder.Write("Workers.cs", Sources.SeedArithmetic);
        string clock = folder.Write("legacy/Clock.cs", Sources.ClockSeed);

        var (_, output, _) = Cli.Run("check", folder.Root, "--include", "**/legacy/*.cs");
        Assert.Equal(clock, Assert.Single(Cli.Findings(output)).Path);

        var (exitCode, output2, _) = Cli.Run("check", folder.Root, "--include", "Nothing*.cs");
        Assert.Equal(0, exitCode);
        Assert.Empty(Cli.Findings(output2));
    }

    [Fact]
    public void SeverityFilter_AndEditorConfigSeverity()
    {
        using var folder = new TempFolder();
        folder.Write("Workers.cs", Sources.SeedArithmetic);
        folder.Write("Clock.cs", Sources.ClockSeed);
        folder.Write(".editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.RNG1001.severity = suggestion\ndotnet_diagnostic.RNG1003.severity = error\n");

        var (_, all, _) = Cli.Run("check", folder.Root);
        Assert.Equal(new[] { ("error", "RNG1003"), ("info", "RNG1001") }, Cli.Findings(all).Select(f => (f.Severity, f.Id)).OrderBy(f => f.Id, StringComparer.Ordinal).Reverse());

        var (_, warnings, _) = Cli.Run("check", folder.Root, "--severity", "warning");
        Assert.Equal("RNG1003", Assert.Single(Cli.Findings(warnings)).Id);

        folder.Write(".editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.RNG1001.severity = suggestion\ndotnet_diagnostic.RNG1003.severity = none\n");
        var (exitCode, none, _) = Cli.Run("check", folder.Root, "--severity", "warning");
        Assert.Equal(0, exitCode);
        Assert.Empty(Cli.Findings(none));
    }

    [Fact]
    public void Fix_RewritesTheFileAndTheRecheckIsClean()
    {
        using var folder = new TempFolder();
        string file = folder.Write("Workers.cs", Sources.SeedArithmetic);

        var (exitCode, output, error) = Cli.Run("check", folder.Root, "--fix");

        string fixedText = File.ReadAllText(file);
        Assert.DoesNotContain("rootSeed + workerId", fixedText);
        Assert.Contains("new SeedSequence(", fixedText);
        Assert.Contains("using Rng;", fixedText);
        Assert.False(fixedText.StartsWith('\uFEFF'), "a file without a byte-order mark must stay without one");
        Assert.Contains("rngsafety: fixed ", error);
        Assert.DoesNotContain(Cli.Findings(output), f => f.Id == "RNG1001");
        Assert.Equal(Cli.Findings(output).Count > 0 ? 1 : 0, exitCode);

        // A second, plain check of the fixed file agrees.
        var (_, recheck, _) = Cli.Run("check", file);
        Assert.DoesNotContain(Cli.Findings(recheck), f => f.Id == "RNG1001");
    }

    [Fact]
    public void Fix_LeavesExcludedFilesAlone()
    {
        using var folder = new TempFolder();
        string file = folder.Write("Workers.cs", Sources.SeedArithmetic);

        var (exitCode, output, _) = Cli.Run("check", folder.Root, "--fix", "--exclude", "Workers.cs");

        Assert.Equal(0, exitCode);
        Assert.Empty(Cli.Findings(output));
        Assert.Equal(Sources.SeedArithmetic, File.ReadAllText(file));
    }

    [Fact]
    public void Catalog_DiscoversTheShippedAnalyzersFixesAndGenerators()
    {
        var catalog = AnalyzerCatalog.Default;
        // The rules' analyzers, and the generator assembly's RNG4001 analyzer.
        var analyzerTypes = catalog.Assemblies.Where(a => a.GetName().Name is "Rng.Analyzers" or "Rng.Generators")
            .SelectMany(a => a.GetTypes())
            .Where(t => !t.IsAbstract && typeof(Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => t.FullName).OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(analyzerTypes, catalog.Analyzers.Select(a => a.GetType().FullName).OrderBy(n => n, StringComparer.Ordinal));
        // Every rule the CLI knows is declared in the analyzers' release-tracking files.
        var repository = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(repository.FullName, "RngSafety.sln")))
        {
            repository = repository.Parent!;
        }

        var declared = new[] { "Rng.Analyzers", "Rng.Generators" }
            .SelectMany(project => new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" }.Select(f => Path.Combine(repository.FullName, project, f)))
            .SelectMany(File.ReadAllLines)
            .Select(l => System.Text.RegularExpressions.Regex.Match(l, @"^(RNG\d{4})\s*\|"))
            .Where(m => m.Success).Select(m => m.Groups[1].Value).Distinct().OrderBy(i => i, StringComparer.Ordinal);
        // (A rule may be declared before its analyzer lands, so the catalog holds a subset.)
        Assert.Empty(catalog.Rules.Keys.Except(declared));
        Assert.Contains("RNG1001", catalog.Rules.Keys);
        Assert.Contains("RNG1003", catalog.Rules.Keys);
        Assert.Contains(catalog.CodeFixes, f => f.FixableDiagnosticIds.Contains("RNG1001"));
        Assert.NotEmpty(catalog.Generators);
    }
}

public sealed class ProgressTests
{
    [Fact]
    public void Progress_IsQuietWhenRedirected_AndShownWhenForced()
    {
        using var folder = new TempFolder();
        folder.Write("Safe.cs", Sources.Safe);
        folder.Write("Clock.cs", Sources.ClockSeed);

        var (_, _, quiet) = Cli.Run("check", folder.Root);
        Assert.Equal("", quiet);

        var (_, output, shown) = Cli.Run("check", folder.Root, "--progress");
        Assert.Contains("checked 2/2 files", shown);
        Assert.DoesNotContain("checked 2/2", output);
    }

    [Fact]
    public void Progress_OnATerminal_CountsEachFileAsItsAnalysisEnds()
    {
        using var folder = new TempFolder();
        const int files = 12;
        for (int i = 0; i < files; i++)
        {
            // Each file has bodies (methods, a constructor, an accessor, an expression-bodied property) to wait for.
            folder.Write($"Part{i}.cs", $$"""
                using System;

                public sealed class Part{{i}}
                {
                    private readonly int _size;
                    public Part{{i}}(int size) { _size = size; }
                    public int Size => _size;
                    public int Twice { get { return 2 * _size; } }
                    public double Draw() => new Random(Environment.TickCount).NextDouble();
                    public interface INested { int Value { get; } }
                }
                """);
        }

        var stdout = new StringWriter();
        var stderr = new StringWriter();
        // As on a terminal, with every update written (no 200 ms throttle), so each count shows.
        int exitCode = Program.Run(new[] { "check", folder.Root }, stdout, stderr, stderrIsTerminal: true, progressIntervalMs: 0);

        Assert.Equal(1, exitCode);
        var counts = System.Text.RegularExpressions.Regex.Matches(stderr.ToString(), @"checked (\d+)/(\d+) files")
            .Select(m => (Done: int.Parse(m.Groups[1].Value), Total: int.Parse(m.Groups[2].Value)))
            .ToList();
        Assert.All(counts, c => Assert.Equal(files, c.Total));
        // Files are counted one by one during the analysis, not all at its end: the counts rise (files finishing at the
        // same moment may share one update) through values below N and end at N/N.
        var done = counts.Select(c => c.Done).ToList();
        Assert.Equal(files, done[^1]);
        Assert.True(done.Count >= 3 && done[0] < files && done[^2] < files, "expected several updates below N: " + string.Join(", ", done));
        Assert.All(done.Zip(done.Skip(1)), pair => Assert.True(pair.First < pair.Second, "counts must rise: " + string.Join(", ", done)));
        Assert.Equal(files, Cli.Findings(stdout.ToString()).Count(f => f.Id == "RNG1003"));
        // The progress line is cleared before the report; the report itself carries no progress.
        Assert.EndsWith("\r\u001b[K", stderr.ToString());
        Assert.DoesNotContain($"checked {files}/{files}", stdout.ToString());
    }

    [Fact]
    public void Progress_DoesNotChangeTheFindings_IncludingCallsFollowedAcrossFiles()
    {
        using var folder = new TempFolder();
        // RNG2001 needs the call from the parallel body (Simulation.cs) through Draws.Next (Draws.cs) to the shared field.
        folder.Write("Simulation.cs", """
            using System;
            using System.Threading.Tasks;

            public sealed class Simulation
            {
                private readonly Random _rng = new Random();

                public double[] Run(int n)
                {
                    var results = new double[n];
                    Parallel.For(0, n, i => results[i] = Draws.Next(_rng));
                    return results;
                }
            }
            """);
        folder.Write("Draws.cs", """
            using System;

            public static class Draws
            {
                public static double Next(Random rng) => rng.NextDouble();
            }
            """);
        folder.Write("Workers.cs", Sources.SeedArithmetic);
        folder.Write("Clock.cs", Sources.ClockSeed);
        folder.Write("Safe.cs", Sources.Safe);

        var quiet = (Out: new StringWriter(), Err: new StringWriter());
        int quietExit = Program.Run(new[] { "check", folder.Root }, quiet.Out, quiet.Err, stderrIsTerminal: false, progressIntervalMs: 0);
        var shown = (Out: new StringWriter(), Err: new StringWriter());
        int shownExit = Program.Run(new[] { "check", folder.Root }, shown.Out, shown.Err, stderrIsTerminal: true, progressIntervalMs: 0);

        Assert.Equal("", quiet.Err.ToString());
        Assert.Contains("checked 5/5 files", shown.Err.ToString());
        Assert.Equal(quietExit, shownExit);
        Assert.Equal(quiet.Out.ToString(), shown.Out.ToString());
        var ids = Cli.Findings(shown.Out.ToString()).Select(f => (Path.GetFileName(f.Path), f.Id)).ToList();
        Assert.Contains(("Simulation.cs", "RNG2001"), ids);
        Assert.Contains(("Workers.cs", "RNG1001"), ids);
        Assert.Contains(("Clock.cs", "RNG1003"), ids);
    }
}

public sealed class GeneratorDiagnosticTests
{
    private const string NonPartial = """
        using Rng;

        public static class Experiments
        {
            public static class Kernels
            {
                [ParallelStochastic]
                public static double FirstDraw(Generator rng) => rng.Random();
            }
        }
        """;

    [Fact]
    public void Rng4001_IsReportedAtTheMethodName()
    {
        using var folder = new TempFolder();
        string file = folder.Write("Experiments.cs", NonPartial);

        var (exitCode, output, _) = Cli.Run("check", folder.Root);

        Assert.Equal(1, exitCode);
        var (line, column) = Cli.PositionOf(NonPartial, "FirstDraw(");
        // Once for each containing type that is not partial.
        Assert.Equal(new[] { (file, line, column, "error", "RNG4001"), (file, line, column, "error", "RNG4001") }, Cli.Findings(output));
        Assert.Contains("Type 'Experiments' must be declared partial", output);
        Assert.Contains("Type 'Experiments.Kernels' must be declared partial", output);
    }

    [Fact]
    public void Rng4001_Fix_MakesEveryContainingTypePartial_AndTheRecheckIsClean()
    {
        using var folder = new TempFolder();
        string file = folder.Write("Experiments.cs", NonPartial);

        var (exitCode, output, error) = Cli.Run("check", folder.Root, "--fix");

        Assert.Equal(NonPartial.Replace("static class", "static partial class"), File.ReadAllText(file));
        Assert.Contains("rngsafety: fixed ", error);
        Assert.Equal(0, exitCode);
        Assert.Empty(Cli.Findings(output));
    }
}
