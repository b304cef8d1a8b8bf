using Microsoft.CodeAnalysis.Testing;
using Rng.Analyzers.CodeFixes;
using Rng.Analyzers.Tests.Infrastructure;
using Verify = Rng.Analyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Rng.Analyzers.JumpOverlapAnalyzer>;
using VerifyFix = Rng.Analyzers.Tests.Infrastructure.CSharpCodeFixVerifier<Rng.Analyzers.JumpOverlapAnalyzer, Rng.Analyzers.CodeFixes.JumpOverlapCodeFixProvider>;

namespace Rng.Analyzers.Tests.Rules;

public sealed class RNG3001OverlappingJumpsTests
{
    private static readonly VerifierOptions WithRuntime = new() { WithRngRuntime = true };

    private static DiagnosticResult Expect(int markup, string later, string earlier, string reason) =>
        Verify.Diagnostic(Descriptors.OverlappingJumpedStreams).WithLocation(markup).WithArguments(later, earlier, reason);

    [Fact]
    public async Task Triggers_NumPyGuideBlocks_BoundedByTheArrayLength()
    {
        // NumPy's guide: blocked_rng = [rng.jumped(i) for i in range(10)]; blocked_rng[0].jumped() overlaps blocked_rng[1].
        const string source = """
            using Rng;

            class C
            {
                void M(Pcg64 rng)
                {
                    var blocked = new Pcg64[10];
                    for (int i = 0; i < blocked.Length; i++)
                    {
                        blocked[i] = rng.Jumped(i);
                    }

                    var extra = {|RNG3001:blocked[0].Jumped()|};
                }
            }
            """;
        await Verify.VerifyWithRuntimeAsync(source);
    }

    [Fact]
    public async Task DoesNotTrigger_WhenTheBoundingArrayIsReassigned()
    {
        const string source = """
            using Rng;

            class C
            {
                void M(Pcg64 rng)
                {
                    // Only block 0 exists after the reassignment, so jump 5 is free; trusting the first length (10) would report it.
                    var blocked = new Pcg64[10];
                    blocked = new Pcg64[1];
                    for (int i = 0; i < blocked.Length; i++)
                    {
                        blocked[i] = rng.Jumped(i);
                    }

                    var extra = rng.Jumped(5);
                }
            }
            """;
        await Verify.VerifyWithRuntimeAsync(source);
    }

    [Fact]
    public async Task Triggers_SameJumpTwice_IncludingASymbolicCount()
    {
        const string source = """
            using Rng;

            class C
            {
                void M(int n)
                {
                    var root = new Pcg64(new SeedSequence(1UL));
                    var a = root.Jumped(2);
                    var b = {|#0:root.Jumped(2)|};
                    var c = root.Jumped(n);
                    var d = {|#1:root.Jumped(n)|};
                    var e = root.Jumped();
                    var f = {|#2:root.Jumped(1)|};
                }
            }
            """;
        await Verify.VerifyWithRuntimeAsync(
            source,
            Expect(0, "b", "a", "both are 2 jumps from 'root'"),
            Expect(1, "d", "c", "both are n jumps from 'root'"),
            Expect(2, "f", "e", "both are 1 jump from 'root'"));
    }

    [Fact]
    public async Task Triggers_LoopsWhoseConstantRangesIntersect_IncludingParallelFor()
    {
        const string source = """
            using System.Threading.Tasks;
            using Rng;

            class C
            {
                void M(Philox root, ulong[] sink)
                {
                    var first = new Philox[4];
                    var second = new Philox[4];
                    for (int i = 0; i < 4; i++)
                    {
                        first[i] = root.Jumped(i);
                    }

                    for (int j = 2; j <= 5; j++)
                    {
                        second[j - 2] = {|#0:root.Jumped(j)|};
                    }

                    Parallel.For(6, 10, k => sink[k] = root.Jumped(k).NextUInt64());
                    var late = {|#1:root.Jumped(9)|};
                }
            }
            """;
        await Verify.VerifyWithRuntimeAsync(
            source,
            Expect(0, "second[j - 2]", "first[i]", "jumps 2 to 5 and jumps 0 to 3 from 'root' intersect"),
            Expect(1, "late", "root.Jumped(k)", "jumps 9 and jumps 6 to 9 from 'root' intersect"));
    }

    [Fact]
    public async Task Triggers_JumpingABlockedStream_NumPysBlockedRngExample()
    {
        // NumPy's docs: blocked_rng[0].jumped() overlaps blocked_rng[1].
        const string source = """
            using Rng;

            class C
            {
                void M(Pcg64 root)
                {
                    var blocked = new Pcg64[4];
                    for (int i = 0; i < 4; i++)
                    {
                        blocked[i] = root.Jumped(i);
                    }

                    var extra = {|#0:blocked[0].Jumped()|};

                    var listed = new[] { root.Jumped(10), root.Jumped(11) };
                    var again = {|#1:listed[0].Jumped()|};

                    for (int i = 20; i < 23; i++)
                    {
                        var chained = root.Jumped(i).Jumped();
                    }

                    var overlapsChain = {|#2:root.Jumped(23)|};
                }
            }
            """;
        await Verify.VerifyWithRuntimeAsync(
            source,
            Expect(0, "extra", "blocked[i]", "jumps 1 and jumps 0 to 3 from 'root' intersect"),
            Expect(1, "again", "root.Jumped(11)", "both are 11 jumps from 'root'"),
            Expect(2, "overlapsChain", "chained", "jumps 23 and jumps 21 to 23 from 'root' intersect"));
    }

    [Fact]
    public async Task Triggers_JumpedZeroBesideTheRoot_AndEqualAdvanceDeltasOnCopies()
    {
        const string source = """
            using Rng;

            class C
            {
                void M(Pcg64Dxsm root)
                {
                    var copy = {|#0:root.Jumped(0)|};
                    var first = root.NextUInt64();

                    var x = new Pcg64Dxsm(root.State).Advance(1000);
                    var y = {|#1:new Pcg64Dxsm(root.State).Advance(1000)|};

                    var p = new Pcg64Dxsm(root.State);
                    p.Advance(5);
                    var q = {|#2:new Pcg64Dxsm(root.State)|};
                    q.Advance(2);
                    q.Advance(3);
                }
            }
            """;
        await Verify.VerifyWithRuntimeAsync(
            source,
            Expect(0, "copy", "root", "it starts where 'root' itself does, and 'root' is also used"),
            Expect(1, "y", "x", "both are copies of 'root' advanced by 1000"),
            Expect(2, "q", "p", "both are copies of 'root' advanced by 5"));
    }

    [Fact]
    public async Task DoesNotTrigger_ForDistinctNonOverlappingJumpsAndOtherSafePatterns()
    {
        const string source = """
            using Rng;

            class C
            {
                void M(Pcg64 root, Pcg64 other, int n, int m, bool flag)
                {
                    // Distinct, non-overlapping jump ranges.
                    var first = new Pcg64[4];
                    var second = new Pcg64[4];
                    for (int i = 0; i < 4; i++)
                    {
                        first[i] = root.Jumped(i);
                    }

                    for (int j = 0; j < 4; j++)
                    {
                        second[j] = root.Jumped(j + 4);
                    }

                    var a = root.Jumped(8);
                    var b = root.Jumped(9);
                    var c = other.Jumped(8);

                    // Loops with unknown bounds certainly cover only their first value.
                    for (int i = 10; i < n; i++)
                    {
                        var s = root.Jumped(i);
                    }

                    for (int i = 11; i < m; i++)
                    {
                        var s = root.Jumped(i);
                    }

                    // Never both run.
                    var chosen = flag ? root.Jumped(30) : root.Jumped(30);
                    if (flag)
                    {
                        var x = root.Jumped(31);
                    }
                    else
                    {
                        var y = root.Jumped(31);
                    }

                    // Different advances; a stream that is re-jumped in a loop; spawned children.
                    var d = new Pcg64(root.State).Advance(10);
                    var e = new Pcg64(root.State).Advance(20);
                    var walker = other;
                    for (int k = 0; k < 3; k++)
                    {
                        walker = walker.Jumped();
                    }

                    var children = root.Spawn(2);
            #if NEVER_DEFINED
                    var hidden = root.Jumped(8);
            #endif
                }

                void JumpedZeroAlone(Pcg64 root)
                {
                    var copy = root.Jumped(0);
                    var next = root.Jumped(1);
                }
            }
            """;
        await Verify.VerifyWithRuntimeAsync(source);
    }

    // ---------------- code fixes ----------------

    [Fact]
    public async Task Fix_Shift_LiteralOffsetsAndLoopRangesMoveToUnusedOffsets()
    {
        const string source = """
            using Rng;

            class C
            {
                void M(Pcg64 root)
                {
                    var first = new Pcg64[4];
                    var second = new Pcg64[4];
                    for (int i = 0; i < 4; i++)
                    {
                        first[i] = root.Jumped(i);
                    }

                    for (int j = 2; j < 6; j++)
                    {
                        second[j - 2] = {|RNG3001:root.Jumped(j)|};
                    }
                }
            }
            """;
        const string fixedSource = """
            using Rng;

            class C
            {
                void M(Pcg64 root)
                {
                    var first = new Pcg64[4];
                    var second = new Pcg64[4];
                    for (int i = 0; i < 4; i++)
                    {
                        first[i] = root.Jumped(i);
                    }

                    for (int j = 2; j < 6; j++)
                    {
                        second[j - 2] = root.Jumped(j + 2);
                    }
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, JumpOverlapCodeFixProvider.ShiftKey, WithRuntime);
    }

    [Fact]
    public async Task Fix_Shift_JumpedZeroBesideTheRootBecomesAnUnusedOffset()
    {
        const string source = """
            using Rng;

            class C
            {
                ulong M(Philox root)
                {
                    var copy = {|RNG3001:root.Jumped(0)|};
                    return root.NextUInt64() ^ copy.NextUInt64();
                }
            }
            """;
        const string fixedSource = """
            using Rng;

            class C
            {
                ulong M(Philox root)
                {
                    var copy = root.Jumped(1);
                    return root.NextUInt64() ^ copy.NextUInt64();
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, JumpOverlapCodeFixProvider.ShiftKey, WithRuntime);
    }

    [Fact]
    public async Task Fix_Shift_FixAllGivesEachStreamItsOwnOffset()
    {
        const string source = """
            using Rng;

            class C
            {
                void M(Pcg64 root)
                {
                    var a = root.Jumped(1);
                    var b = {|RNG3001:root.Jumped(1)|};
                    var c = {|RNG3001:root.Jumped()|};
                    for (int k = 0; k < 2; k++)
                    {
                        var d = {|RNG3001:root.Jumped(k + 1)|};
                    }
                }
            }
            """;
        const string fixedSource = """
            using Rng;

            class C
            {
                void M(Pcg64 root)
                {
                    var a = root.Jumped(1);
                    var b = root.Jumped(2);
                    var c = root.Jumped(3);
                    for (int k = 0; k < 2; k++)
                    {
                        var d = root.Jumped(k + 4);
                    }
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, JumpOverlapCodeFixProvider.ShiftKey, WithRuntime);
    }

    [Fact]
    public async Task Fix_Spawn_ReplacesTheLaterStreamWithAChild_FixAll()
    {
        const string source = """
            using Rng;

            class C
            {
                void M(Pcg64 root)
                {
                    var blocked = new Pcg64[2];
                    for (int i = 0; i < 2; i++)
                    {
                        blocked[i] = root.Jumped(i);
                    }

                    var extra = {|RNG3001:blocked[0].Jumped()|};
                    var x = new Pcg64(root.State).Advance(1000);
                    var y = {|RNG3001:new Pcg64(root.State).Advance(1000)|};
                }
            }
            """;
        const string fixedSource = """
            using Rng;

            class C
            {
                void M(Pcg64 root)
                {
                    var blocked = new Pcg64[2];
                    for (int i = 0; i < 2; i++)
                    {
                        blocked[i] = root.Jumped(i);
                    }

                    var extra = root.Spawn(1)[0];
                    var x = new Pcg64(root.State).Advance(1000);
                    var y = root.Spawn(1)[0];
                }
            }
            """;
        await VerifyFix.VerifyCodeFixAsync(source, fixedSource, JumpOverlapCodeFixProvider.SpawnKey, WithRuntime);
    }

    [Fact]
    public async Task NoShiftFix_WhenAnOffsetIsUnknownOrNotLiteral()
    {
        const string source = """
            using Rng;

            class C
            {
                void M(Pcg64 root, int n)
                {
                    for (int i = 0; i < n; i++)
                    {
                        var s = root.Jumped(i);
                    }

                    var t = {|RNG3001:root.Jumped(0)|};
                    var blocked = new[] { root.Jumped(5), root.Jumped(6) };
                    var extra = {|RNG3001:blocked[0].Jumped()|};
                }
            }
            """;
        await VerifyFix.VerifyNoCodeFixAsync(source, JumpOverlapCodeFixProvider.ShiftKey, WithRuntime);
    }
}
