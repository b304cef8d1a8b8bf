using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Operations;

namespace Rng.Analyzers.CodeFixes;

/// <summary>
/// RNG3001 fixes: (a) where the later stream is <c>root.Jumped(k)</c> with a literal offset (or a constant-range loop
/// index plus a literal), shift it to jump offsets no other stream of that root uses; (b) always: replace the later
/// stream with an independent spawned child, <c>root.Spawn(1)[0]</c> (the root must have been seeded from a SeedSequence).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(JumpOverlapCodeFixProvider))]
[Shared]
public sealed class JumpOverlapCodeFixProvider : RngCodeFixProvider
{
    /// <summary>Equivalence key of fix (a).</summary>
    public const string ShiftKey = "RNG3001.Shift";

    /// <summary>Equivalence key of fix (b).</summary>
    public const string SpawnKey = "RNG3001.Spawn";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.OverlappingJumpedStreams.Id);

    internal override async Task<ImmutableArray<RngEdit>> ComputeEditsAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return ImmutableArray<RngEdit>.Empty;
        }

        var span = diagnostic.Location.SourceSpan;
        if (model.GetOperation(root.FindNode(span, getInnermostNodeForTie: true), cancellationToken) is not { } site)
        {
            return ImmutableArray<RngEdit>.Empty;
        }

        var types = RngKnownTypes.Create(model.Compilation, document.Project.AnalyzerOptions);
        var streams = new JumpedStreams(site.GetRoot(), types);
        var overlaps = JumpOverlaps.Find(streams);
        var overlap = overlaps.FirstOrDefault(o => o.Later.Site.Syntax.Span == span);
        if (overlap is null)
        {
            return ImmutableArray<RngEdit>.Empty;
        }

        var edits = ImmutableArray.CreateBuilder<RngEdit>();
        if (Shift(overlap, overlaps, streams) is { } shift)
        {
            edits.Add(shift);
        }

        var rootSymbol = overlap.Later.Position.Root;
        var rootType = rootSymbol switch
        {
            ILocalSymbol local => local.Type,
            IParameterSymbol parameter => parameter.Type,
            IFieldSymbol field => field.Type,
            _ => null,
        };

        if (rootType is not null && SymbolEqualityComparer.Default.Equals(rootType, overlap.Later.Site.Type) && HasSpawn(rootType))
        {
            edits.Add(new RngEdit(
                "Use an independent stream: " + rootSymbol.Name + ".Spawn(1)[0]",
                SpawnKey,
                overlap.Later.Site.Syntax,
                rootSymbol.Name + ".Spawn(1)[0]"));
        }

        return edits.ToImmutable();
    }

    // Shifting is possible when every stream of the root has known, bounded jump offsets; the overlapping streams that
    // can be shifted get consecutive unused ranges after all the others, in source order, so fixing them one at a time
    // or all at once gives the same code.
    private static RngEdit? Shift(JumpOverlap overlap, List<JumpOverlap> overlaps, JumpedStreams model)
    {
        var rootSymbol = overlap.Later.Position.Root;
        var ofRoot = model.FindStreams().Where(s => SymbolEqualityComparer.Default.Equals(s.Position.Root, rootSymbol)).ToList();
        if (ofRoot.Any(s => s.Position.Jumps.Base is not null || !s.Position.Jumps.IsExact))
        {
            return null;
        }

        var shiftable = overlaps.Where(o => SymbolEqualityComparer.Default.Equals(o.Later.Position.Root, rootSymbol) && IsShiftable(o.Later, model)).ToList();
        if (!shiftable.Contains(overlap))
        {
            return null;
        }

        var next = model.IsUsedDirectly(rootSymbol) ? BigInteger.One : BigInteger.Zero;
        foreach (var stream in ofRoot)
        {
            if (!shiftable.Any(o => o.Later == stream))
            {
                next = BigInteger.Max(next, stream.Position.Jumps.High + 1);
            }
        }

        foreach (var candidate in shiftable)
        {
            var jumps = candidate.Later.Position.Jumps;
            if (candidate == overlap)
            {
                return BuildShift(candidate.Later, next - jumps.Low, next, next + (jumps.High - jumps.Low));
            }

            next += jumps.High - jumps.Low + 1;
        }

        return null;
    }

    // root.Jumped(k) (or root.Jumped(), or root.Jumped(i + c) over a constant loop range) directly on the root.
    private static bool IsShiftable(DerivedStream stream, JumpedStreams model) =>
        stream.Site is IInvocationOperation { TargetMethod.Name: "Jumped", Instance: { } instance, Arguments.Length: <= 1 }
        && model.Resolve(instance) is { IsRootItself: true };

    private static RngEdit? BuildShift(DerivedStream stream, BigInteger shift, BigInteger first, BigInteger last)
    {
        var invocation = (IInvocationOperation)stream.Site;
        var title = first == last
            ? "Shift to the unused jump offset " + first.ToString(CultureInfo.InvariantCulture)
            : "Shift to the unused jump offsets " + first.ToString(CultureInfo.InvariantCulture) + " to " + last.ToString(CultureInfo.InvariantCulture);
        var argument = invocation.Arguments.Length == 1 && invocation.Arguments[0].ArgumentKind == ArgumentKind.Explicit
            ? invocation.Arguments[0].Value
            : null;

        if (argument is null)
        {
            return new RngEdit(title, ShiftKey, invocation.Syntax, OperationHelpers.Text(invocation.Instance!) + ".Jumped(" + first.ToString(CultureInfo.InvariantCulture) + ")");
        }

        if (argument.TryGetIntegerConstant(out _))
        {
            return new RngEdit(title, ShiftKey, OperationHelpers.WithEnclosingParenthesesAndChecked(argument.Syntax), first.ToString(CultureInfo.InvariantCulture));
        }

        // i + c or i - c: change the literal; anything else: add the shift.
        var value = argument.WalkDownConversions();
        if (value is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract } binary
            && binary.RightOperand.TryGetIntegerConstant(out var literal))
        {
            var offset = (binary.OperatorKind == BinaryOperatorKind.Add ? literal : -literal) + shift;
            var left = OperationHelpers.Text(binary.LeftOperand);
            var text = offset.IsZero ? left : offset.Sign > 0 ? left + " + " + offset.ToString(CultureInfo.InvariantCulture) : left + " - " + BigInteger.Negate(offset).ToString(CultureInfo.InvariantCulture);
            return new RngEdit(title, ShiftKey, binary.Syntax, text);
        }

        return new RngEdit(title, ShiftKey, argument.Syntax, OperationHelpers.Text(argument) + " + " + shift.ToString(CultureInfo.InvariantCulture));
    }

    private static bool HasSpawn(ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.GetMembers("Spawn").OfType<IMethodSymbol>().Any(m => !m.IsStatic && m.Parameters.Length == 1 && m.ReturnType is IArrayTypeSymbol))
            {
                return true;
            }
        }

        return false;
    }
}
