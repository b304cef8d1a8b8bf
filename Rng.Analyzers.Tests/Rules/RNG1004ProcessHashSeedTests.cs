using Microsoft.CodeAnalysis.Testing;
using Rng.Analyzers.CodeFixes;
using Rng.Analyzers.Tests.Infrastructure;
using Verify = Rng.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Rng.Analyzers.ProcessHashSeedAnalyzer>;
using VerifyFix = Rng.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<Rng.Analyzers.ProcessHashSeedAnalyzer, Rng.Analyzers.CodeFixes.ProcessHashSeedCodeFixProvider>;

namespace Rng.Analyzers.Tests.Rules;

public sealed class RNG1004ProcessHashSeedTests
{
    private static readonly VerifierOptions WithRuntime = new() { WithRngRuntime = true };

    private static DiagnosticResult Expected(int markup, string seed, string hash) =>
        Verify.Diagnostic(Descriptors.SeedFromProcessHash).WithLocation(markup).WithArguments(seed, hash);

    [Fact]
    public async Task Triggers_ForStringTupleRecordAnonymousAndComparerHashes()
    {
        const string source = """
            using System;
            using System.Collections.Generic;

            record Experiment(string Name, int Run);

            class C
            {
                void Run(string name, int run, Experiment experiment)
                {
                    new Random({|#0:name.GetHashCode()|});
                    new Random({|#1:name.GetHashCode(StringComparison.OrdinalIgnoreCase)|});
                    new Random({|#2:HashCode.Combine(name, run)|});
                    var builder = new HashCode();
                    builder.Add(run);
                    new Random({|#3:builder.ToHashCode()|});
                    new Random({|#4:(run, run).GetHashCode()|});
                    new Random({|#5:experiment.GetHashCode()|});
                    new Random({|#6:new { name, run }.GetHashCode()|});
                    new Random({|#7:EqualityComparer<string>.Default.GetHashCode(name)|});
                    new Random({|#8:StringComparer.OrdinalIgnoreCase.GetHashCode(name)|});
                    new Random({|#9:Tuple.Create(name, run).GetHashCode()|});
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Expected(0, "name.GetHashCode()", "string.GetHashCode()"),
            Expected(1, "name.GetHashCode(StringComparison.OrdinalIgnoreCase)", "string.GetHashCode()"),
            Expected(2, "HashCode.Combine(name, run)", "HashCode.Combine"),
            Expected(3, "builder.ToHashCode()", "HashCode.ToHashCode"),
            Expected(4, "(run, run).GetHashCode()", "the hash code of a value tuple"),
            Expected(5, "experiment.GetHashCode()", "the hash code of record 'Experiment', which holds strings"),
            Expected(6, "new { name, run }.GetHashCode()", "the hash code of an anonymous type holding strings"),
            Expected(7, "EqualityComparer<string>.Default.GetHashCode(name)", "EqualityComparer<string>.Default.GetHashCode"),
            Expected(8, "StringComparer.OrdinalIgnoreCase.GetHashCode(name)", "StringComparer.GetHashCode"),
            Expected(9, "Tuple.Create(name, run).GetHashCode()", "the hash code of 'System.Tuple<string, int>', which holds strings"));
    }

    [Fact]
    public async Task Triggers_ThroughArithmeticAndLocals_AndForRngRuntimeSinks()
    {
        const string source = """
            using System;
            using Rng;

            class C
            {
                void Run(string experiment, int rootSeed)
                {
                    var salt = experiment.GetHashCode();
                    new Random({|#0:rootSeed ^ salt|});
                    new SeedSequence({|#1:(uint)experiment.GetHashCode()|});
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            WithRuntime,
            Expected(0, "rootSeed ^ salt", "string.GetHashCode()"),
            Expected(1, "(uint)experiment.GetHashCode()", "string.GetHashCode()"));
    }

    [Fact]
    public async Task Triggers_ForADerivedRecordWhoseStringsAreInItsBaseRecord()
    {
        const string source = """
            using System;

            record Named(string Name);

            record Run(int Index) : Named("baseline");

            class C
            {
                void M(Run run) => new Random({|#0:run.GetHashCode()|});
            }
            """;
        await Verify.VerifyAnalyzerAsync(source, Expected(0, "run.GetHashCode()", "the hash code of record 'Run', which holds strings"));
    }

    [Fact]
    public async Task DoesNotTrigger_ForStableHashes()
    {
        const string source = """
            using System;
            using System.Collections.Generic;

            record Point(int X, int Y);

            enum Mode { A, B }

            class C
            {
                void Run(int run, long big, Point point, Mode mode)
                {
                    new Random(run.GetHashCode());
                    new Random(big.GetHashCode());
                    new Random(point.GetHashCode());
                    new Random(new { run }.GetHashCode());
                    new Random(mode.GetHashCode());
                    new Random(EqualityComparer<int>.Default.GetHashCode(run));
                    new Random(Tuple.Create(run, run).GetHashCode());
            #if NEVER_DEFINED
                    new Random("x".GetHashCode());
            #endif
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task DoesNotTrigger_InGeneratedCode()
    {
        const string generated = """
            // <auto-generated/>
            class Generated { System.Random R(string s) => new System.Random(s.GetHashCode()); }
            """;
        await Verify.VerifyAnalyzerAsync("class C { }", new VerifierOptions { AdditionalSources = new[] { ("Generated.g.cs", generated) } });
    }

    [Fact]
    public async Task Fix_StableHash_AtAFactoryCall_RewritesTheSeedArgument()
    {
        const string source = """
            using System;

            class C
            {
                static Random Make(int seed) => new Random(seed);

                Random ForExperiment(string experiment) => Make({|RNG1004:experiment.GetHashCode()|});
            }
            """;
        const string fixedSource = """
            using System;
            using System.Numerics;
            using System.Security.Cryptography;
            using System.Text;
            using Rng;

            class C
            {
                static Random Make(int seed) => new Random(seed);

                Random ForExperiment(string experiment) => Make((int)new SeedSequence(new BigInteger(SHA256.HashData(Encoding.UTF8.GetBytes(experiment)), isUnsigned: true)).GenerateState(1)[0]);
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, ProcessHashSeedCodeFixProvider.StableHashKey, WithRuntime);
    }

    [Fact]
    public async Task Fix_StableHash_KeepsTheIntSeed()
    {
        const string source = """
            using System;

            class C
            {
                Random Make(string experiment) => new Random({|RNG1004:experiment.GetHashCode()|});
            }
            """;
        const string fixedSource = """
            using System;
            using System.Numerics;
            using System.Security.Cryptography;
            using System.Text;
            using Rng;

            class C
            {
                Random Make(string experiment) => new Random((int)new SeedSequence(new BigInteger(SHA256.HashData(Encoding.UTF8.GetBytes(experiment)), isUnsigned: true)).GenerateState(1)[0]);
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, ProcessHashSeedCodeFixProvider.StableHashKey, WithRuntime);
    }

    [Fact]
    public async Task Fix_StableHash_BecomesSeedSequenceEntropy_AndFixAll()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            using Rng;

            class C
            {
                void Run(string name, string other)
                {
                    var a = new SeedSequence({|RNG1004:name.GetHashCode()|});
                    var b = new Random({|RNG1004:StringComparer.Ordinal.GetHashCode(other) + 1|});
                    var c = new Random({|RNG1004:EqualityComparer<string>.Default.GetHashCode(name)|});
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Collections.Generic;
            using System.Numerics;
            using System.Security.Cryptography;
            using System.Text;
            using Rng;

            class C
            {
                void Run(string name, string other)
                {
                    var a = new SeedSequence(new BigInteger(SHA256.HashData(Encoding.UTF8.GetBytes(name)), isUnsigned: true));
                    var b = new Random((int)new SeedSequence(new BigInteger(SHA256.HashData(Encoding.UTF8.GetBytes(other)), isUnsigned: true)).GenerateState(1)[0] + 1);
                    var c = new Random((int)new SeedSequence(new BigInteger(SHA256.HashData(Encoding.UTF8.GetBytes(name)), isUnsigned: true)).GenerateState(1)[0]);
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, ProcessHashSeedCodeFixProvider.StableHashKey, WithRuntime);
    }

    [Fact]
    public async Task Fix_SeveralValues_CombineTupleAnonymousComparerAndSystemTuple_FixAll()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            using Rng;

            class C
            {
                void Run(string name, int run, long big, (string, int) pair)
                {
                    var a = new Random({|RNG1004:HashCode.Combine(name, run)|});
                    var b = new SeedSequence({|RNG1004:(name, run).GetHashCode()|});
                    var c = new Random({|RNG1004:new { name, run }.GetHashCode()|});
                    var d = new Random({|RNG1004:EqualityComparer<(string, int)>.Default.GetHashCode(pair)|});
                    var e = new Random({|RNG1004:HashCode.Combine(run, big)|});
                    var f = new Random({|RNG1004:Tuple.Create(name + "-x", run + 1).GetHashCode()|});
                    var g = new Random({|RNG1004:HashCode.Combine(name, -3, -4L)|});
                }

                void Checked(string name, int run)
                {
                    checked
                    {
                        var r = new Random({|RNG1004:HashCode.Combine(name, run)|});
                    }
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Collections.Generic;
            using System.Numerics;
            using System.Security.Cryptography;
            using System.Text;
            using Rng;

            class C
            {
                void Run(string name, int run, long big, (string, int) pair)
                {
                    var a = new Random((int)new SeedSequence(new BigInteger[] { new BigInteger(SHA256.HashData(Encoding.UTF8.GetBytes(name)), isUnsigned: true), (uint)run }).GenerateState(1)[0]);
                    var b = new SeedSequence(new BigInteger[] { new BigInteger(SHA256.HashData(Encoding.UTF8.GetBytes(name)), isUnsigned: true), (uint)run });
                    var c = new Random((int)new SeedSequence(new BigInteger[] { new BigInteger(SHA256.HashData(Encoding.UTF8.GetBytes(name)), isUnsigned: true), (uint)run }).GenerateState(1)[0]);
                    var d = new Random((int)new SeedSequence(new BigInteger[] { new BigInteger(SHA256.HashData(Encoding.UTF8.GetBytes(pair.Item1)), isUnsigned: true), (uint)pair.Item2 }).GenerateState(1)[0]);
                    var e = new Random((int)new SeedSequence(new ulong[] { (uint)run, (uint)big, (uint)(big >> 32) }).GenerateState(1)[0]);
                    var f = new Random((int)new SeedSequence(new BigInteger[] { new BigInteger(SHA256.HashData(Encoding.UTF8.GetBytes(name + "-x")), isUnsigned: true), (uint)(run + 1) }).GenerateState(1)[0]);
                    var g = new Random((int)new SeedSequence(new BigInteger[] { new BigInteger(SHA256.HashData(Encoding.UTF8.GetBytes(name)), isUnsigned: true), unchecked((uint)-3), unchecked((uint)-4L), unchecked((uint)(-4L >> 32)) }).GenerateState(1)[0]);
                }

                void Checked(string name, int run)
                {
                    checked
                    {
                        var r = new Random(unchecked((int)new SeedSequence(new BigInteger[] { new BigInteger(SHA256.HashData(Encoding.UTF8.GetBytes(name)), isUnsigned: true), (uint)run }).GenerateState(1)[0]));
                    }
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, ProcessHashSeedCodeFixProvider.StableHashKey, WithRuntime);
    }

    [Fact]
    public async Task Fix_Records_HashTheirFields_BaseRecordFirst()
    {
        const string source = """
            using System;
            using Rng;

            enum Mode { Train, Test }

            record Named(string Name);

            record Experiment(string Name, string Tag, long Seed, Mode Mode, bool Verbose, char Split) : Named(Name);

            class C
            {
                Experiment Current { get; } = new("a", "t", 1, Mode.Train, false, 'x');

                Random Make(Experiment experiment) => new Random({|RNG1004:experiment.GetHashCode()|});

                Random Own() => new Random({|RNG1004:Current.GetHashCode()|});
            }
            """;
        const string fixedSource = """
            using System;
            using System.Numerics;
            using System.Security.Cryptography;
            using System.Text;
            using Rng;

            enum Mode { Train, Test }

            record Named(string Name);

            record Experiment(string Name, string Tag, long Seed, Mode Mode, bool Verbose, char Split) : Named(Name);

            class C
            {
                Experiment Current { get; } = new("a", "t", 1, Mode.Train, false, 'x');

                Random Make(Experiment experiment) => new Random((int)new SeedSequence(new BigInteger[] { new BigInteger(SHA256.HashData(Encoding.UTF8.GetBytes(experiment.Name)), isUnsigned: true), new BigInteger(SHA256.HashData(Encoding.UTF8.GetBytes(experiment.Tag)), isUnsigned: true), (uint)experiment.Seed, (uint)(experiment.Seed >> 32), (uint)experiment.Mode, (experiment.Verbose ? 1u : 0u), (uint)experiment.Split }).GenerateState(1)[0]);

                Random Own() => new Random((int)new SeedSequence(new BigInteger[] { new BigInteger(SHA256.HashData(Encoding.UTF8.GetBytes(Current.Name)), isUnsigned: true), new BigInteger(SHA256.HashData(Encoding.UTF8.GetBytes(Current.Tag)), isUnsigned: true), (uint)Current.Seed, (uint)(Current.Seed >> 32), (uint)Current.Mode, (Current.Verbose ? 1u : 0u), (uint)Current.Split }).GenerateState(1)[0]);
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, ProcessHashSeedCodeFixProvider.StableHashKey, WithRuntime);
    }

    [Fact]
    public async Task Fix_ValuesReadThroughVariables_NestedTuplesFlattened()
    {
        const string source = """
            using System;
            using System.Collections.Generic;
            using Rng;

            record Experiment(string Name, int Run);

            class C
            {
                void Run(string text, Experiment experiment)
                {
                    var pair = (label: text, id: 7u);
                    var anonymous = new { text, Count = (short)-2 };
                    var a = new Random({|RNG1004:pair.GetHashCode()|});
                    var b = new Random({|RNG1004:anonymous.GetHashCode()|});
                    var c = new Random({|RNG1004:EqualityComparer<Experiment>.Default.GetHashCode(experiment)|});
                    var d = new Random({|RNG1004:((text, 1), experiment).GetHashCode()|});
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Collections.Generic;
            using System.Numerics;
            using System.Security.Cryptography;
            using System.Text;
            using Rng;

            record Experiment(string Name, int Run);

            class C
            {
                void Run(string text, Experiment experiment)
                {
                    var pair = (label: text, id: 7u);
                    var anonymous = new { text, Count = (short)-2 };
                    var a = new Random((int)new SeedSequence(new BigInteger[] { new BigInteger(SHA256.HashData(Encoding.UTF8.GetBytes(pair.label)), isUnsigned: true), pair.id }).GenerateState(1)[0]);
                    var b = new Random((int)new SeedSequence(new BigInteger[] { new BigInteger(SHA256.HashData(Encoding.UTF8.GetBytes(anonymous.text)), isUnsigned: true), (uint)anonymous.Count }).GenerateState(1)[0]);
                    var c = new Random((int)new SeedSequence(new BigInteger[] { new BigInteger(SHA256.HashData(Encoding.UTF8.GetBytes(experiment.Name)), isUnsigned: true), (uint)experiment.Run }).GenerateState(1)[0]);
                    var d = new Random((int)new SeedSequence(new BigInteger[] { new BigInteger(SHA256.HashData(Encoding.UTF8.GetBytes(text)), isUnsigned: true), 1, new BigInteger(SHA256.HashData(Encoding.UTF8.GetBytes(experiment.Name)), isUnsigned: true), (uint)experiment.Run }).GenerateState(1)[0]);
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, ProcessHashSeedCodeFixProvider.StableHashKey, WithRuntime);
    }

    [Fact]
    public async Task NoFix_WithoutRngRuntime_OrForValuesWithoutAStableForm()
    {
        await VerifyFix.VerifyNoCodeFixAsync(
            """
            using System;

            class C
            {
                Random Make(string experiment) => new Random({|RNG1004:experiment.GetHashCode()|});
            }
            """,
            equivalenceKey: null);
        await VerifyFix.VerifyNoCodeFixAsync(
            """
            using System;
            using Rng;

            record Secret(string Name)
            {
                private readonly string _salt = "s";
            }

            record Measured(string Name, double Weight);

            record Custom(string Name, int Run)
            {
                public virtual bool Equals(Custom other) => other is not null && Name == other.Name;

                public override int GetHashCode() => Name.GetHashCode();
            }

            class C
            {
                Measured Load() => new("a", 1.0);

                long Next() => 5;

                void Make(string a, int b, Secret secret, Measured measured, Custom custom)
                {
                    new Random({|RNG1004:HashCode.Combine(a, 1.5)|});
                    new Random({|RNG1004:HashCode.Combine(a, Next())|});
                    new Random({|RNG1004:(a, new object()).GetHashCode()|});
                    new Random({|RNG1004:secret.GetHashCode()|});
                    new Random({|RNG1004:measured.GetHashCode()|});
                    new Random({|RNG1004:custom.GetHashCode()|});
                    new Random({|RNG1004:Load().GetHashCode()|});
                    new Random({|RNG1004:StringComparer.OrdinalIgnoreCase.GetHashCode(a)|});
                    var builder = new HashCode();
                    builder.Add(a);
                    new Random({|RNG1004:builder.ToHashCode()|});
                }
            }
            """,
            equivalenceKey: null,
            WithRuntime);
    }
}
