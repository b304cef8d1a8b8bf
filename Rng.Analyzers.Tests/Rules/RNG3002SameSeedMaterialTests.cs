using Microsoft.CodeAnalysis.Testing;
using Rng.Analyzers.Tests.Infrastructure;
using Rng.Analyzers.CodeFixes;
using Verify = Rng.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Rng.Analyzers.SeedMaterialAnalyzer>;
using VerifyFix = Rng.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<Rng.Analyzers.SeedMaterialAnalyzer, Rng.Analyzers.CodeFixes.SeedMaterialCodeFixProvider>;

namespace Rng.Analyzers.Tests.Rules;

public sealed class RNG3002SameSeedMaterialTests
{
    private static readonly VerifierOptions WithRuntime = new() { WithRngRuntime = true };

    private static DiagnosticResult Expect(int markup, string later, string material, string earlier) =>
        Verify.Diagnostic(Descriptors.StreamsFromSameSeedMaterial).WithLocation(markup).WithArguments(later, material, earlier);

    [Fact]
    public async Task Triggers_SameSeedSequenceInstance_AndSameSpawnedChild()
    {
        const string source = """
            using Rng;

            class C
            {
                void M(SeedSequence fromCaller)
                {
                    var ss = new SeedSequence(0x8c3c010cb4754c90UL);
                    var g1 = new Pcg64(ss);
                    var g2 = {|#0:new Pcg64(ss)|};

                    var kids = ss.Spawn(2);
                    var a = new Philox(kids[0]);
                    var b = {|#1:new Philox(kids[0])|};
                    var first = kids[1];
                    var c = new Philox(kids[1]);
                    var d = {|#2:new Philox(first)|};

                    var e = new Sfc64(fromCaller);
                    var f = {|#3:new Sfc64(fromCaller)|};
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            WithRuntime,
            Expect(0, "g2", "SeedSequence 'ss'", "g1"),
            Expect(1, "b", "spawned child 'kids[0]'", "a"),
            Expect(2, "d", "spawned child 'kids[1]'", "c"),
            Expect(3, "f", "SeedSequence 'fromCaller'", "e"));
    }

    [Fact]
    public async Task Triggers_SamePhiloxKey_IncludingIntersectingKeyRanges()
    {
        const string source = """
            using System;
            using Rng;

            class C
            {
                void M(UInt128 rootKey)
                {
                    var a = Philox.FromKey(rootKey + 1);
                    var b = {|#0:Philox.FromKey(rootKey + 1)|};

                    var first = new Philox[4];
                    var second = new Philox[4];
                    for (int i = 0; i < 4; i++)
                    {
                        first[i] = Philox.FromKey(rootKey + 10 + (uint)i);
                    }

                    for (int j = 3; j < 7; j++)
                    {
                        second[j - 3] = {|#1:Philox.FromKey(rootKey + 10 + (uint)j)|};
                    }
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            WithRuntime,
            Expect(0, "b", "Philox key 'rootKey + 1'", "a"),
            Expect(1, "second[j - 3]", "Philox key 'rootKey + 10 + (uint)j'", "first[i]"));
    }

    [Fact]
    public async Task Triggers_SameConstantOrVariableSeedForTwoGenerators()
    {
        const string source = """
            using System;
            using Rng;

            class C
            {
                void M(int seed)
                {
                    var r1 = new Random(42);
                    var r2 = {|#0:new Random(42)|};
                    var p1 = new Pcg64(7UL);
                    var p2 = {|#1:new Pcg64(new SeedSequence(7UL))|};
                    var g1 = Generator.Create(5);
                    var g2 = {|#2:Generator.Create(5)|};
                    var s1 = new SeedSequence(99);
                    var s2 = {|#3:new SeedSequence(99)|};
                    var v1 = new Random(seed);
                    var v2 = {|#4:new Random(seed)|};
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            WithRuntime,
            Expect(0, "r2", "the seed '42'", "r1"),
            Expect(1, "p2", "the seed '7UL'", "p1"),
            Expect(2, "g2", "the seed '5'", "g1"),
            Expect(3, "s2", "the seed '99'", "s1"),
            Expect(4, "v2", "the seed 'seed'", "v1"));
    }

    [Fact]
    public async Task DoesNotTrigger_ForDistinctMaterial()
    {
        const string source = """
            using System;
            using System.Numerics;
            using System.Threading.Tasks;
            using Rng;

            class C
            {
                void M(UInt128 rootKey, bool flag, int n)
                {
                    var ss = new SeedSequence(0x8c3c010cb4754c90UL);
                    var kids = ss.Spawn(2);
                    var a = new Pcg64(kids[0]);
                    var b = new Pcg64(kids[1]);
                    var c = new Pcg64(ss.Spawn(1)[0]);
                    var d = new Pcg64(ss.Spawn(1)[0]);
                    var e = new Pcg64(ss);
                    var f = new Philox(ss);
                    var g = new Philox(kids[0], counter: 1);
                    var h = new Philox(kids[0], counter: 2);
                    var k1 = new SeedSequence(42, spawnKey: new BigInteger[] { 1 });
                    var k2 = new SeedSequence(42, spawnKey: new BigInteger[] { 2 });
                    var r1 = new Random(1);
                    var r2 = new Random(2);
                    var shared = Random.Shared.Next();
                    var x = flag ? new Random(3) : new Random(3);

                    // Distinct, non-overlapping key ranges; per-item seeds from SeedSequence.
                    for (int i = 0; i < 4; i++)
                    {
                        var key = Philox.FromKey(rootKey + (uint)i);
                    }

                    for (int i = 4; i < 8; i++)
                    {
                        var key = Philox.FromKey(rootKey + (uint)i);
                    }

                    var children = ss.Spawn(n);
                    Parallel.For(0, n, i => new Pcg64(children[i]).NextUInt64());
            #if NEVER_DEFINED
                    var hidden = new Random(1);
            #endif
                }

                void Other() => new Random(1).Next();
            }
            """;
        await Verify.VerifyAnalyzerAsync(source, WithRuntime);
    }

    // ---------------- code fix: spawn distinct children ----------------

    [Fact]
    public async Task Fix_ReusedSequenceOrChild_SpawnsAChildOfIt()
    {
        const string source = """
            using Rng;

            class C
            {
                void M(SeedSequence ss)
                {
                    var g1 = new Pcg64(ss);
                    var g2 = {|RNG3002:new Pcg64(ss)|};
                    var kids = ss.Spawn(2);
                    var a = new Philox(kids[0]);
                    var b = {|RNG3002:new Philox(kids[0])|};
                }
            }
            """;
        const string fixedSource = """
            using Rng;

            class C
            {
                void M(SeedSequence ss)
                {
                    var g1 = new Pcg64(ss);
                    var g2 = new Pcg64(ss.Spawn(1)[0]);
                    var kids = ss.Spawn(2);
                    var a = new Philox(kids[0]);
                    var b = new Philox(kids[0].Spawn(1)[0]);
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, SeedMaterialCodeFixProvider.SpawnChildKey, WithRuntime);
    }

    [Fact]
    public async Task Triggers_ForTheSameSeedGivenTwiceToAScalingFactory()
    {
        const string source = """
            using System;

            class C
            {
                static Random Scaled(int seed) => new Random(seed * 2 + 1);

                void M()
                {
                    var r1 = Scaled(42);
                    var r2 = {|RNG3002:Scaled(42)|};
                    var r3 = Scaled(43);
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Fix_RepeatedSeedGivenToAFactory_GetsASpawnedChild()
    {
        const string source = """
            using System;
            using Rng;

            class C
            {
                static Random Make(int seed) => new Random(seed);

                void M()
                {
                    var r1 = Make(42);
                    var r2 = {|RNG3002:Make(42)|};
                }
            }
            """;
        const string fixedSource = """
            using System;
            using Rng;

            class C
            {
                static Random Make(int seed) => new Random(seed);

                void M()
                {
                    var r1 = Make(42);
                    var r2 = Make((int)new SeedSequence(42).Spawn(1)[0].GenerateState(1)[0]);
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, SeedMaterialCodeFixProvider.SpawnChildKey, WithRuntime);
    }

    [Fact]
    public async Task Fix_RepeatedSeeds_GetSuccessiveChildren_FixAll()
    {
        const string source = """
            using System;
            using Rng;

            class C
            {
                void M()
                {
                    var r1 = new Random(42);
                    var r2 = {|RNG3002:new Random(42)|};
                    var r3 = {|RNG3002:new Random(42)|};
                    var p1 = new Pcg64(42UL);
                    var p2 = {|RNG3002:new Pcg64(new SeedSequence(42UL))|};
                    var n1 = new Random(-3);
                    var n2 = {|RNG3002:new Random(-3)|};
                    var s1 = new SeedSequence(99);
                    var s2 = {|RNG3002:new SeedSequence(99)|};
                    var g1 = Generator.Create(5);
                    var g2 = {|RNG3002:Generator.Create(5)|};
                }
            }
            """;
        const string fixedSource = """
            using System;
            using Rng;

            class C
            {
                void M()
                {
                    var r1 = new Random(42);
                    var r2 = new Random((int)new SeedSequence(42).Spawn(1)[0].GenerateState(1)[0]);
                    var r3 = new Random((int)new SeedSequence(42).Spawn(2)[1].GenerateState(1)[0]);
                    var p1 = new Pcg64(42UL);
                    var p2 = new Pcg64(new SeedSequence(42UL).Spawn(3)[2]);
                    var n1 = new Random(-3);
                    var n2 = new Random((int)new SeedSequence(new ulong[] { unchecked((uint)-3) }).Spawn(1)[0].GenerateState(1)[0]);
                    var s1 = new SeedSequence(99);
                    var s2 = new SeedSequence(99).Spawn(1)[0];
                    var g1 = Generator.Create(5);
                    var g2 = Generator.Create(new SeedSequence(5).Spawn(1)[0]);
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, SeedMaterialCodeFixProvider.SpawnChildKey, WithRuntime);
    }

    [Fact]
    public async Task Fix_RepeatedPhiloxKeys_BecomeSpawnedChildrenOfTheKey_FixAll()
    {
        const string source = """
            using System;
            using Rng;

            class C
            {
                void M(UInt128 rootKey, UInt128 key)
                {
                    var a = Philox.FromKey(rootKey + 1);
                    var b = {|RNG3002:Philox.FromKey(rootKey + 1)|};
                    var c = Philox.FromKey(key);
                    var d = {|RNG3002:Philox.FromKey(key)|};
                    var e = {|RNG3002:Philox.FromKey(key)|};
                    var f = Philox.FromKey(7, 3);
                    var g = {|RNG3002:Philox.FromKey(7, 3)|};
                    var h = Philox.FromKey(counter: 2, key: 9);
                    var k = {|RNG3002:Philox.FromKey(counter: 2, key: 9)|};
                }
            }
            """;
        const string fixedSource = """
            using System;
            using Rng;

            class C
            {
                void M(UInt128 rootKey, UInt128 key)
                {
                    var a = Philox.FromKey(rootKey + 1);
                    var b = new Philox(new SeedSequence(rootKey + 1).Spawn(1)[0]);
                    var c = Philox.FromKey(key);
                    var d = new Philox(new SeedSequence(key).Spawn(1)[0]);
                    var e = new Philox(new SeedSequence(key).Spawn(2)[1]);
                    var f = Philox.FromKey(7, 3);
                    var g = new Philox(new SeedSequence(7).Spawn(1)[0], 3);
                    var h = Philox.FromKey(counter: 2, key: 9);
                    var k = new Philox(new SeedSequence(9).Spawn(1)[0], counter: 2);
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, SeedMaterialCodeFixProvider.SpawnChildKey, WithRuntime);
    }

    [Fact]
    public async Task Fix_IntersectingKeyRanges_TakeDistinctChildren_FixAll()
    {
        // The third loop's keys meet both earlier loops' keys: it takes child 1, past the child 0 the second loop takes.
        // A key with a loop index becomes the list [index, key] (RNG1001's order), not rootKey + index as a single seed.
        const string source = """
            using System;
            using Rng;

            class C
            {
                void M(UInt128 rootKey)
                {
                    var first = new Philox[4];
                    var second = new Philox[4];
                    var third = new Philox[3];
                    for (int i = 0; i < 4; i++)
                    {
                        first[i] = Philox.FromKey(rootKey + 10 + (uint)i);
                    }

                    for (int j = 3; j < 7; j++)
                    {
                        second[j - 3] = {|RNG3002:Philox.FromKey(rootKey + 10 + (uint)j)|};
                    }

                    for (int m = 2; m < 5; m++)
                    {
                        third[m - 2] = {|RNG3002:Philox.FromKey(rootKey + 10 + (uint)m)|};
                    }
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Numerics;
            using Rng;

            class C
            {
                void M(UInt128 rootKey)
                {
                    var first = new Philox[4];
                    var second = new Philox[4];
                    var third = new Philox[3];
                    for (int i = 0; i < 4; i++)
                    {
                        first[i] = Philox.FromKey(rootKey + 10 + (uint)i);
                    }

                    for (int j = 3; j < 7; j++)
                    {
                        second[j - 3] = new Philox(new SeedSequence(new BigInteger[] { (uint)j, rootKey + 10 + (uint)j }).Spawn(1)[0]);
                    }

                    for (int m = 2; m < 5; m++)
                    {
                        third[m - 2] = new Philox(new SeedSequence(new BigInteger[] { (uint)m, rootKey + 10 + (uint)m }).Spawn(2)[1]);
                    }
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, SeedMaterialCodeFixProvider.SpawnChildKey, WithRuntime);
    }

    [Fact]
    public async Task Fix_RepeatedKey_SkipsChildrenAlreadyTaken()
    {
        // A child of new SeedSequence(key) written by hand already holds index 0 and 1.
        const string source = """
            using System;
            using Rng;

            class C
            {
                void M(UInt128 key)
                {
                    var taken = new Philox(new SeedSequence(key).Spawn(2)[1]);
                    var a = Philox.FromKey(key);
                    var b = {|RNG3002:Philox.FromKey(key)|};
                }
            }
            """;
        const string fixedSource = """
            using System;
            using Rng;

            class C
            {
                void M(UInt128 key)
                {
                    var taken = new Philox(new SeedSequence(key).Spawn(2)[1]);
                    var a = Philox.FromKey(key);
                    var b = new Philox(new SeedSequence(key).Spawn(3)[2]);
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, SeedMaterialCodeFixProvider.SpawnChildKey, WithRuntime);
    }

    [Fact]
    public async Task FixedKeyCode_RaisesNoSeedArithmeticWarning()
    {
        // The rewritten key loop keys a SeedSequence by [j, key]: RNG1001 must not object to the fix's own output.
        const string fixedSource = """
            using System;
            using System.Numerics;
            using Rng;

            class C
            {
                void M(UInt128 rootKey, UInt128 key)
                {
                    var second = new Philox[4];
                    for (int j = 3; j < 7; j++)
                    {
                        second[j - 3] = new Philox(new SeedSequence(new BigInteger[] { (uint)j, rootKey + 10 + (uint)j }).Spawn(1)[0]);
                    }

                    var b = new Philox(new SeedSequence(key).Spawn(2)[1], counter: 2);
                    var c = new Philox(new SeedSequence(rootKey + 1).Spawn(1)[0]);
                }
            }
            """;
        await Rng.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<SeedArithmeticAnalyzer>.VerifyAnalyzerAsync(fixedSource, WithRuntime);
    }

    [Fact]
    public async Task NoFix_WithoutRngRuntime()
    {
        const string plain = """
            using System;

            class C
            {
                void M()
                {
                    var a = new Random(42);
                    var b = {|RNG3002:new Random(42)|};
                }
            }
            """;
        await VerifyFix.VerifyNoCodeFixAsync(plain, equivalenceKey: null);
    }
}
