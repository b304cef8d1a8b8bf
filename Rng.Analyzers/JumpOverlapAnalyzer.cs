using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Rng.Analyzers;

/// <summary>One overlap: <see cref="Later"/> coincides with <see cref="EarlierName"/> somewhere in the root's stream.</summary>
internal sealed class JumpOverlap
{
    public JumpOverlap(DerivedStream later, DerivedStream? earlier, string earlierName, string reason)
    {
        Later = later;
        Earlier = earlier;
        EarlierName = earlierName;
        Reason = reason;
    }

    /// <summary>The stream made later in the method: the one reported.</summary>
    public DerivedStream Later { get; }

    /// <summary>The stream it overlaps, or null when that is the root generator itself.</summary>
    public DerivedStream? Earlier { get; }

    public string EarlierName { get; }

    public string Reason { get; }
}

/// <summary>Finds the overlapping jumped/advanced streams of one method (RNG3001); shared by the analyzer and its fixes.</summary>
internal static class JumpOverlaps
{
    /// <summary>Every stream that overlaps an earlier one (or the root itself), once each, in source order.</summary>
    public static List<JumpOverlap> Find(JumpedStreams model)
    {
        var streams = model.FindStreams();
        var overlaps = new List<JumpOverlap>();
        for (var j = 0; j < streams.Count; j++)
        {
            var later = streams[j];
            var position = later.Position;
            JumpOverlap? found = null;
            for (var i = 0; i < j && found is null; i++)
            {
                var earlier = streams[i];
                if (Overlap(earlier, later))
                {
                    found = new JumpOverlap(later, earlier, earlier.Name, Reason(earlier.Position, position));
                }
            }

            // Jumped(0) or an unadvanced copy beside the root generator itself.
            if (found is null && position.Jumps is { Base: null, IsSingle: true } jumps && jumps.Low.IsZero
                && position.Advance is { IsZero: true } && model.IsUsedDirectly(position.Root))
            {
                found = new JumpOverlap(later, null, position.Root.Name, "it starts where '" + position.Root.Name + "' itself does, and '" + position.Root.Name + "' is also used");
            }

            if (found is not null)
            {
                overlaps.Add(found);
            }
        }

        return overlaps;
    }

    private static bool Overlap(DerivedStream earlier, DerivedStream later)
    {
        var a = earlier.Position;
        var b = later.Position;
        return SymbolEqualityComparer.Default.Equals(a.Root, b.Root)
            && a.Advance is { } advanceA && b.Advance is { } advanceB && advanceA == advanceB
            && a.Jumps.Intersects(b.Jumps)
            && earlier.Site != later.Site
            && !OffsetEvaluator.AreExclusive(earlier.Site, later.Site);
    }

    private static string Reason(StreamPosition earlier, StreamPosition later)
    {
        var root = "'" + later.Root.Name + "'";
        var steps = later.Advance ?? 0;
        if (earlier.Jumps.IsSingle && later.Jumps.IsSingle)
        {
            if (later.Jumps.Base is null && later.Jumps.Low.IsZero)
            {
                return "both are copies of " + root + (steps.IsZero ? "" : " advanced by " + steps.ToString(CultureInfo.InvariantCulture));
            }

            var count = later.Jumps.Describe();
            return "both are " + count + (count == "1" ? " jump" : " jumps")
                + (steps.IsZero ? "" : " and " + steps.ToString(CultureInfo.InvariantCulture) + " steps") + " from " + root;
        }

        return "jumps " + later.Jumps.Describe() + " and jumps " + earlier.Jumps.Describe() + " from " + root + " intersect";
    }
}

/// <summary>
/// RNG3001: in one method, jumped or advanced streams from the same root overlap: the same <c>Jumped(k)</c> twice, loops
/// whose constant ranges of k intersect, <c>Jumped()</c> on a stream that itself came from <c>root.Jumped(i)</c> when
/// <c>root.Jumped(i + 1)</c> is also used, <c>Jumped(0)</c> beside the root itself, equal <c>Advance</c> deltas on copies.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class JumpOverlapAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.OverlappingJumpedStreams);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var types = KnownTypesCache.Get(start.Compilation, start.Options);
            if (types.BitGenerator is null)
            {
                return;
            }

            // Each method with a jump, advance or state copy is analysed once, when its first such operation is seen;
            // every overlap is then reported by the action of the operation that makes the later stream, which keeps
            // the diagnostic local to that operation (so the IDE can offer the fixes).
            // Weak keys: a body's results go when the driver drops its operations (a dictionary would keep every body alive).
            var analysed = new ConditionalWeakTable<IOperation, Dictionary<IOperation, JumpOverlap>>();
            start.RegisterOperationAction(
                operationContext =>
                {
                    var operation = operationContext.Operation;
                    if (!IsCandidate(operation, types))
                    {
                        return;
                    }

                    var overlaps = analysed.GetValue(operation.GetRoot(), root => JumpOverlaps.Find(new JumpedStreams(root, types)).ToDictionary(o => o.Later.Site));
                    if (overlaps.TryGetValue(operation, out var overlap))
                    {
                        operationContext.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.OverlappingJumpedStreams,
                            operation.Syntax.GetLocation(),
                            overlap.Later.Name,
                            overlap.EarlierName,
                            overlap.Reason));
                    }
                },
                OperationKind.Invocation,
                OperationKind.ObjectCreation);
        });
    }

    private static bool IsCandidate(IOperation operation, RngKnownTypes types) => operation switch
    {
        IInvocationOperation { TargetMethod.Name: "Jumped" or "Advance" } invocation => types.IsBitGenerator(invocation.TargetMethod.ContainingType),
        IObjectCreationOperation { Arguments.Length: 1 } creation => TypeFilters.MayBeRngClass(creation.Type) && types.IsBitGenerator(creation.Type),
        _ => false,
    };
}
