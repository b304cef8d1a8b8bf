using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Testing;
using Rng.Analyzers.CodeFixes;
using Rng.Analyzers.Tests.Infrastructure;
using Verify = Rng.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Rng.Analyzers.LowEntropySeedAnalyzer>;
using VerifyFix = Rng.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<Rng.Analyzers.LowEntropySeedAnalyzer, Rng.Analyzers.Tests.Rules.DeterministicLowEntropySeedCodeFix>;

namespace Rng.Analyzers.Tests.Rules;

/// <summary>The RNG1005 fix with a fixed seed source, so the fixed text is known.</summary>
public sealed class DeterministicLowEntropySeedCodeFix : LowEntropySeedCodeFixProvider
{
    public const ulong High = 0x8C3C010CB4754C90;
    public const ulong Low = 0x5F5BD9D3FA0D3B4C;

    public DeterministicLowEntropySeedCodeFix()
        : base(() => (High, Low))
    {
    }
}

public sealed class RNG1005LowEntropySeedTests
{
    private static readonly VerifierOptions WithRuntime = new() { WithRngRuntime = true };

    private static DiagnosticResult Expected(int markup, string seed, int bits) =>
        Verify.Diagnostic(Descriptors.LowEntropyRootSeed).WithLocation(markup).WithArguments(seed, bits);

    [Fact]
    public async Task Triggers_ForSmallLiteralRootSeeds()
    {
        const string source = """
            using System.Numerics;
            using Rng;

            class C
            {
                const int Seed = 12345;

                void Run()
                {
                    var a = new SeedSequence({|#0:42|});
                    var b = new SeedSequence({|#1:20240101UL|});
                    var c = new Pcg64({|#2:Seed|});
                    var d = new Philox({|#3:(BigInteger)0|});
                    var e = new Mt19937({|#4:4294967295u|});
                    var f = new Sfc64({|#5:7|});
                    long local = 99;
                    var g = new Pcg64Dxsm({|#6:(ulong)local|});
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            WithRuntime,
            Expected(0, "42", 6),
            Expected(1, "20240101UL", 25),
            Expected(2, "Seed", 14),
            Expected(3, "(BigInteger)0", 0),
            Expected(4, "4294967295u", 32),
            Expected(5, "7", 3),
            Expected(6, "(ulong)local", 7));
    }

    [Fact]
    public async Task DoesNotTrigger_ForWideSeeds_OsEntropy_SystemRandom_NonConstants_OrPhiloxKeys()
    {
        const string source = """
            using System;
            using Rng;

            class C
            {
                void Run(ulong seed, int workerId)
                {
                    var a = new SeedSequence(4294967296UL);
                    var b = new SeedSequence(new UInt128(0x8C3C010CB4754C90, 0x5F5BD9D3FA0D3B4C));
                    var c = new SeedSequence();
                    var d = new SeedSequence(seed);
                    var e = new Random(42);
                    var f = Philox.FromKey(1);
                    var g = new SeedSequence(new[] { workerId, 42 });
            #if NEVER_DEFINED
                    var h = new SeedSequence(42);
            #endif
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source, WithRuntime);
    }

    [Fact]
    public async Task Fix_ReplacesLiteralWithFresh128BitSeed_FixAll()
    {
        const string source = """
            using Rng;

            class C
            {
                void Run()
                {
                    var a = new SeedSequence({|RNG1005:42|});
                    var b = new Pcg64({|RNG1005:12345UL|});
                    var c = Generator.Create({|RNG1005:20261122|});
                }
            }
            """;
        const string fixedSource = """
            using System;
            using Rng;

            class C
            {
                void Run()
                {
                    var a = new SeedSequence(new UInt128(0x8C3C010CB4754C90, 0x5F5BD9D3FA0D3B4C));
                    var b = new Pcg64(new UInt128(0x8C3C010CB4754C90, 0x5F5BD9D3FA0D3B4C));
                    var c = Generator.Create(new UInt128(0x8C3C010CB4754C90, 0x5F5BD9D3FA0D3B4C));
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, LowEntropySeedCodeFixProvider.FreshSeedKey, WithRuntime);
    }

    [Fact]
    public async Task NoFix_WhenTheLiteralIsNotTheArgument()
    {
        const string source = """
            using Rng;

            class C
            {
                const int Seed = 12345;

                SeedSequence Make() => new SeedSequence({|RNG1005:Seed|});
            }
            """;
        await VerifyFix.VerifyNoCodeFixAsync(source, equivalenceKey: null, WithRuntime);
    }

    [Fact]
    public async Task DefaultSeedSource_DrawsDistinct128BitSeeds()
    {
        var provider = new LowEntropySeedCodeFixProvider();
        var document = CreateDocument("""
            class C { Rng.SeedSequence M() => new Rng.SeedSequence(42); }
            """);
        var tree = (await document.GetSyntaxTreeAsync())!;
        var literal = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax>().Single();
        var diagnostic = Microsoft.CodeAnalysis.Diagnostic.Create(Descriptors.LowEntropyRootSeed, literal.GetLocation(), "42", 6);

        var first = await provider.ComputeEditsAsync(document, diagnostic, CancellationToken.None);
        var second = await provider.ComputeEditsAsync(document, diagnostic, CancellationToken.None);

        var pattern = new Regex("^new global::System.UInt128\\(0x[0-9A-F]{16}, 0x[0-9A-F]{16}\\)$");
        Assert.Matches(pattern, Assert.Single(first).Replacement);
        Assert.Matches(pattern, Assert.Single(second).Replacement);
        Assert.NotEqual(first[0].Replacement, second[0].Replacement);
    }

    private static Microsoft.CodeAnalysis.Document CreateDocument(string source)
    {
        var workspace = new Microsoft.CodeAnalysis.AdhocWorkspace();
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(path => Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(path))
            .Append(Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(Rng.SeedSequence).Assembly.Location));
        var project = workspace.AddProject("P", Microsoft.CodeAnalysis.LanguageNames.CSharp)
            .WithCompilationOptions(new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary))
            .AddMetadataReferences(references);
        return project.AddDocument("C.cs", source);
    }
}
