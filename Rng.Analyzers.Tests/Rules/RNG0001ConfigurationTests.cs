using Microsoft.CodeAnalysis.Testing;
using Rng.Analyzers.Tests.Infrastructure;
using Verify = Rng.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Rng.Analyzers.RngConfigurationAnalyzer>;

namespace Rng.Analyzers.Tests.Rules;

public sealed class RNG0001ConfigurationTests
{
    private const string Source = """
        using System;

        class C
        {
            Random Make(int seed) => new Random(seed);
        }
        """;

    [Fact]
    public async Task DoesNotTrigger_WithoutConfiguration()
    {
        await Verify.VerifyAnalyzerAsync(Source);
    }

    [Fact]
    public async Task DoesNotTrigger_ForValidSinks()
    {
        await Verify.VerifyAnalyzerAsync(Source, new VerifierOptions
        {
            EditorConfig = "rng_safety.seed_sinks = M:System.Random.ctor(System.Int32) | M:C.Make(System.Int32)|",
        });
    }

    [Fact]
    public async Task DoesNotTrigger_ForSinksOfTypesTheProjectDoesNotReference()
    {
        await Verify.VerifyAnalyzerAsync(Source, new VerifierOptions
        {
            EditorConfig = "rng_safety.seed_sinks = M:MathNet.Numerics.Random.MersenneTwister.ctor(System.Int32)",
        });
    }

    [Fact]
    public async Task DoesNotTrigger_WithRngRuntime()
    {
        await Verify.VerifyAnalyzerAsync(Source + "\nclass D { Rng.SeedSequence S() => new Rng.SeedSequence(1); }", new VerifierOptions { WithRngRuntime = true });
    }

    [Fact]
    public async Task Triggers_OncePerBadEntry()
    {
        await Verify.VerifyAnalyzerAsync(Source, new VerifierOptions
            {
                EditorConfig = "rng_safety.seed_sinks = T:System.Random|M:System.Random.ctor(System.String)|M:C.Make(System.Int32)|M:NoDot",
            },
            Verify.Diagnostic(Descriptors.InvalidConfiguration)
                .WithArguments("rng_safety.seed_sinks", "T:System.Random", "it is not a method documentation-comment ID (it must start with 'M:')"),
            Verify.Diagnostic(Descriptors.InvalidConfiguration)
                .WithArguments(
                    "rng_safety.seed_sinks",
                    "M:System.Random.ctor(System.String)",
                    "type 'System.Random' has no method with this ID (check the parameter types, e.g. 'System.Int32', and use 'ctor' for constructors)"),
            Verify.Diagnostic(Descriptors.InvalidConfiguration)
                .WithArguments("rng_safety.seed_sinks", "M:NoDot", "it is not of the form 'M:Namespace.Type.Method(ParameterTypes)'"));
    }

    [Fact]
    public async Task Triggers_WhenHashCutTheValue()
    {
        // .editorconfig treats '#' as the start of a comment: the value arrives as "M:System.Random.".
        await Verify.VerifyAnalyzerAsync(Source, new VerifierOptions
            {
                EditorConfig = "rng_safety.seed_sinks = M:System.Random.#ctor(System.Int32)",
            },
            Verify.Diagnostic(Descriptors.InvalidConfiguration)
                .WithArguments(
                    "rng_safety.seed_sinks",
                    "M:System.Random.",
                    "it ends where '#' began a comment (.editorconfig cuts values at '#' and ';'), so write constructors as 'ctor', e.g. 'M:Namespace.Type.ctor(System.Int32)'"));
    }

    [Fact]
    public async Task Triggers_ForMethodWithoutParameters()
    {
        await Verify.VerifyAnalyzerAsync(Source, new VerifierOptions
            {
                EditorConfig = "rng_safety.seed_sinks = M:System.Random.ctor",
            },
            Verify.Diagnostic(Descriptors.InvalidConfiguration)
                .WithArguments("rng_safety.seed_sinks", "M:System.Random.ctor", "'System.Random.Random()' has no parameter that could take a seed"));
    }

    [Fact]
    public async Task Triggers_ForUnknownOption()
    {
        await Verify.VerifyAnalyzerAsync(Source, new VerifierOptions
            {
                EditorConfig = "rng_safety.seed_sink = M:System.Random.ctor(System.Int32)",
            },
            Verify.Diagnostic(Descriptors.InvalidConfiguration)
                .WithArguments("rng_safety.seed_sink", "rng_safety.seed_sink", "it is not an rng_safety option (known options: rng_safety.seed_sinks)"));
    }
}
