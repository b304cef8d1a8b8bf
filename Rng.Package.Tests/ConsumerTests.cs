using Rng.Package.Tests.Infrastructure;

namespace Rng.Package.Tests;

/// <summary>A consumer project restored from the packed RngSafety: diagnostics, help links, configuration, generator.</summary>
[Collection(PackageCollection.Name)]
public sealed class ConsumerTests
{
    private const string HelpLinkBase = "https://github.com/rngsafety/rngsafety/blob/main/docs/rules/";

    /// <summary>RNG warnings the unsafe consumer must show by default, by file. Adding a rule's case: one asset file + one line.</summary>
    public static readonly (string File, string RuleId)[] ExpectedWarnings =
    {
        ("SeedArithmetic.cs", "RNG1001"),
        ("CustomSink.cs", "RNG1001"), // reaches the analyzers only through rng_safety.seed_sinks in .editorconfig
        ("ClockSeed.cs", "RNG1003"),
        ("ProcessHash.cs", "RNG1004"),
        ("SameSeed.cs", "RNG1002"),
        ("SharedRng.cs", "RNG2001"),
        ("ThreadStaticInit.cs", "RNG2003"),
        ("JumpOverlap.cs", "RNG3001"),
        ("SeedMaterial.cs", "RNG3002"),
    };

    /// <summary>Suggestion-level cases in the consumer, checked for every rule whose analyzer ships.</summary>
    public static readonly (string File, string RuleId)[] SuggestionCases =
    {
        ("LowEntropy.cs", "RNG1005"),
        ("WorkerIdOrder.cs", "RNG1006"),
        ("ThreadSafe.cs", "RNG2002"),
    };

    private readonly ConsumerBuilds _builds;

    public ConsumerTests(PackageFixture fixture)
    {
        _builds = fixture.Builds;
    }

    [Fact]
    public void UnsafeCode_BuildsWithTheExpectedRngWarnings_AndOnlyThose()
    {
        var build = _builds.Default;
        Assert.True(build.Succeeded, build.Process.ToString());
        var printed = build.ConsoleRng("warning").Select(f => (f.File, f.RuleId)).Distinct().Order().ToList();
        Assert.Equal(ExpectedWarnings.Order().ToList(), printed);
        Assert.Empty(build.ConsoleRng("error"));
        // The compiler's own log agrees with the console.
        var logged = build.Sarif.Rng.Where(f => f.Level == "warning").Select(f => (f.File, f.RuleId)).Distinct().Order().ToList();
        Assert.Equal(printed, logged);
    }

    [Fact]
    public void EveryReportedRule_CarriesItsHelpLink()
    {
        var build = _builds.Default;
        var rules = build.Sarif.Rng.Select(f => f.RuleId).Distinct().ToList();
        Assert.NotEmpty(rules);
        foreach (var rule in rules)
        {
            Assert.True(build.Sarif.HelpUris.TryGetValue(rule, out var helpUri), rule + " has no help link in the SARIF log");
            Assert.Equal(HelpLinkBase + rule + ".md", helpUri);
        }
    }

    [Fact]
    public void EditorConfigSeverityNone_SilencesTheRuleInThatFileOnly()
    {
        var build = _builds.Default;
        Assert.DoesNotContain(build.Sarif.Rng, f => f.File == "Silenced.cs" && f.Level is "warning" or "error");
        Assert.Contains(build.Sarif.Rng, f => f.File == "SeedArithmetic.cs" && f.RuleId == "RNG1001" && f.Level == "warning");
    }

    [Fact]
    public void WarnAsError_FailsTheBuild_NamingEveryRule()
    {
        var build = _builds.WarningsAsErrors;
        Assert.False(build.Succeeded, "-warnaserror should fail the build:\n" + build.Process);
        var errors = build.ConsoleRng("error").Select(f => (f.File, f.RuleId)).Distinct().Order().ToList();
        Assert.Equal(ExpectedWarnings.Order().ToList(), errors);
    }

    [Fact]
    public void ParallelStochasticMethods_GetDrivers_ThatPrintTheSpawnedStreams()
    {
        var run = _builds.Program;
        Assert.True(run.ExitCode == 0, run.ToString());

        // The same streams computed here with Rng.Runtime directly: worker i draws from SeedSequence(seed).Spawn(n)[i].
        var expected = new List<string>();
        foreach (var child in new SeedSequence(20261122UL).Spawn(4))
        {
            expected.Add("pcg64 " + BitConverter.DoubleToUInt64Bits(new Generator(new Pcg64(child)).Random()).ToString("x16"));
        }

        foreach (var child in new SeedSequence(20261122UL).Spawn(3))
        {
            expected.Add("philox " + new Philox(child).NextUInt64().ToString("x16"));
        }

        Assert.Equal(expected, run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public void SafeCode_HasNoRngDiagnostics()
    {
        var build = _builds.Default;
        // (Program.cs's literal root seed may draw the RNG1005 suggestion, which is not a warning.)
        Assert.DoesNotContain(build.Sarif.Rng, f => f.File is "Experiments.cs" or "Program.cs" && f.Level is "warning" or "error");
        Assert.DoesNotContain(build.Sarif.Rng, f => f.File == "Experiments.cs");
    }

    [Fact]
    public void SuggestionRules_AreNotWarningsByDefault()
    {
        var build = _builds.Default;
        var suggestionRules = StrictRules.SuggestionLevelRuleIds();
        Assert.DoesNotContain(build.Sarif.Rng, f => suggestionRules.Contains(f.RuleId) && f.Level is "warning" or "error");

        var implemented = StrictRules.ImplementedRuleIds();
        foreach (var (file, rule) in SuggestionCases.Where(c => implemented.Contains(c.RuleId)))
        {
            Assert.Contains(build.Sarif.Rng, f => f.File == file && f.RuleId == rule && f.Level == "note");
        }
    }

    [Fact]
    public void RngSafetyStrict_ReachesTheCompiler_AndRaisesSuggestionRulesToWarnings()
    {
        var consumer = _builds.Configured;
        var build = _builds.ConfiguredBuild;

        // CompilerVisibleProperty: the analyzers can read build_property.RngSafetyStrict.
        var generatedConfig = Directory.GetFiles(Path.Combine(consumer.Folder, "obj"), "*.GeneratedMSBuildEditorConfig.editorconfig", SearchOption.AllDirectories);
        Assert.Contains("build_property.RngSafetyStrict = true", File.ReadAllText(Assert.Single(generatedConfig)));

        // The strict globalconfig is handed to the compiler (the build log shows csc's command line).
        Assert.Contains("RngSafety.Strict.globalconfig", build.Process.Output);
        // ... and accepted: no compiler complaint about it (CS87xx analyzer-config warnings) or anything else.
        Assert.DoesNotContain(build.Console, f => !f.RuleId.StartsWith("RNG", StringComparison.Ordinal));

        var implemented = StrictRules.ImplementedRuleIds();
        foreach (var (file, rule) in SuggestionCases.Where(c => implemented.Contains(c.RuleId)))
        {
            Assert.Contains(build.Sarif.Rng, f => f.File == file && f.RuleId == rule && f.Level == "warning");
        }
    }

    [Fact]
    public void EditorConfigSeverityError_TakesEffect_AndOtherFilesKeepTheDefault()
    {
        var build = _builds.ConfiguredBuild;
        Assert.False(build.Succeeded, "RNG1001 raised to error should fail the build:\n" + build.Process);
        Assert.Contains(("SeedArithmetic.cs", "RNG1001"), build.ConsoleRng("error").Select(f => (f.File, f.RuleId)));
        Assert.Contains(("CustomSink.cs", "RNG1001"), build.ConsoleRng("warning").Select(f => (f.File, f.RuleId)));
    }
}
