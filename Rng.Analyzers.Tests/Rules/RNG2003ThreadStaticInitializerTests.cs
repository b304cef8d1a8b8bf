using Microsoft.CodeAnalysis.Testing;
using Rng.Analyzers.CodeFixes;
using Rng.Analyzers.Tests.Infrastructure;
using Verify = Rng.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Rng.Analyzers.ThreadStaticInitializerAnalyzer>;
using VerifyFix = Rng.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<Rng.Analyzers.ThreadStaticInitializerAnalyzer, Rng.Analyzers.CodeFixes.ThreadStaticInitializerCodeFixProvider>;

namespace Rng.Analyzers.Tests.Rules;

public sealed class RNG2003ThreadStaticInitializerTests
{
    private static DiagnosticResult Expect(int markup, string field) =>
        Verify.Diagnostic(Descriptors.ThreadStaticRngWithInitializer).WithLocation(markup).WithArguments(field);

    [Fact]
    public async Task Triggers_OnTheInitializerOfEveryThreadStaticRng()
    {
        const string source = """
            using System;
            using Rng;

            class C
            {
                [ThreadStatic] private static Random t_rng = {|#0:new Random()|};
                [ThreadStatic] private static Random? t_seeded = {|#1:new Random(42)|};
                [ThreadStatic] internal static Pcg64 t_bits = {|#2:new Pcg64(new SeedSequence())|}, t_more = {|#3:new Pcg64(1UL)|};
                [ThreadStatic, CLSCompliant(false)] public static Generator? t_generator = {|#4:null|};
                [System.ThreadStaticAttribute] private static Random t_shared = {|#5:Random.Shared|};
            }
            """;
        await Verify.VerifyWithRuntimeAsync(
            source,
            Expect(0, "t_rng"),
            Expect(1, "t_seeded"),
            Expect(2, "t_bits"),
            Expect(3, "t_more"),
            Expect(4, "t_generator"),
            Expect(5, "t_shared"));
    }

    [Fact]
    public async Task DoesNotTrigger_WithoutInitializer_ForNonRngTypes_OrWithoutThreadStatic()
    {
        const string source = """
            using System;
            using System.Threading;

            class C
            {
                [ThreadStatic] private static Random? t_lazy;
                [ThreadStatic] private static int t_counter = 5;
                private static readonly Random s_shared = new Random(1);
                private static readonly ThreadLocal<Random> s_perThread = new(() => new Random());
                private static Random Rng => t_lazy ??= new Random();
            #if NEVER_DEFINED
                [ThreadStatic] private static Random t_hidden = new Random();
            #endif
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Fix_LazyPropertyReplacesEveryReadButNotTheWrites()
    {
        const string source = """
            #nullable enable
            using System;
            using System.Threading.Tasks;

            class C
            {
                [ThreadStatic] private static Random t_rng = {|RNG2003:new Random()|};

                void Run(int n, double[] results)
                {
                    Parallel.For(0, n, i => results[i] = t_rng.NextDouble() + C.t_rng.NextDouble());
                    t_rng = new Random(1);
                    Console.WriteLine(nameof(t_rng));
                }
            }
            """;
        const string fixedSource = """
            #nullable enable
            using System;
            using System.Threading.Tasks;

            class C
            {
                [ThreadStatic] private static Random? t_rng;

                private static Random Rng => t_rng ??= new Random();

                void Run(int n, double[] results)
                {
                    Parallel.For(0, n, i => results[i] = Rng.NextDouble() + C.Rng.NextDouble());
                    t_rng = new Random(1);
                    Console.WriteLine(nameof(t_rng));
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, ThreadStaticInitializerCodeFixProvider.LazyPropertyKey);
    }

    [Fact]
    public async Task Fix_FixAll_WithoutNullableContext_AndATakenName()
    {
        const string source = """
            using System;

            class C
            {
                [ThreadStatic] private static Random s_rng = {|RNG2003:new Random()|};
                [ThreadStatic] private static Random _other = {|RNG2003:new(7)|};

                public int Rng => 4;

                int Draw() => s_rng.Next() + _other.Next();
            }
            """;
        const string fixedSource = """
            using System;

            class C
            {
                [ThreadStatic] private static Random s_rng;

                private static Random RngForThisThread => s_rng ??= new Random();
                [ThreadStatic] private static Random _other;

                private static Random Other => _other ??= new(7);

                public int Rng => 4;

                int Draw() => RngForThisThread.Next() + Other.Next();
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, ThreadStaticInitializerCodeFixProvider.LazyPropertyKey);
    }

    [Fact]
    public async Task NoFix_ForNonPrivateFields()
    {
        const string source = """
            using System;

            class C
            {
                [ThreadStatic] internal static Random t_rng = {|RNG2003:new Random()|};
            }
            """;
        await VerifyFix.VerifyNoCodeFixAsync(source, equivalenceKey: null);
    }
}
