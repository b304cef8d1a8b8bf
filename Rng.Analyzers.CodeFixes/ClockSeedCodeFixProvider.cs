using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Operations;

namespace Rng.Analyzers.CodeFixes;

/// <summary>
/// RNG1003 fixes: seed from <c>new SeedSequence()</c> (128 bits of OS entropy, loggable through <c>Entropy</c>; needs Rng.Runtime;
/// at a call of a method of the user's code that seeds an RNG with its parameter, the seed argument becomes a seed word drawn from it),
/// or, for System.Random, use unseeded <c>new Random()</c> where reproducibility is not wanted (needs nothing new).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ClockSeedCodeFixProvider))]
[Shared]
public sealed class ClockSeedCodeFixProvider : RngCodeFixProvider
{
    /// <summary>Equivalence key of the SeedSequence fix.</summary>
    public const string SeedSequenceKey = "RNG1003.SeedSequence";

    private const string SeedSequenceTitle = "Seed from new SeedSequence() (OS entropy; log its Entropy to reproduce the run)";

    /// <summary>Equivalence key of the unseeded System.Random fix.</summary>
    public const string UnseededRandomKey = "RNG1003.UnseededRandom";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.SeedFromClockProcessOrThread.Id);

    internal override async Task<ImmutableArray<RngEdit>> ComputeEditsAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var target = await RngFixSyntax.FindSeedSinkAsync(document, diagnostic.Location.SourceSpan, cancellationToken).ConfigureAwait(false);
        if (target is null || !SeedSources.TryFindClockSource(target.Use, target.Types, out _))
        {
            return ImmutableArray<RngEdit>.Empty;
        }

        var use = target.Use;
        var types = target.Types;
        var callSyntax = use.Call.Syntax;
        var edits = ImmutableArray.CreateBuilder<RngEdit>();

        // Only rewrite calls whose one explicit argument is the seed: other arguments (spawn key, counter) would be lost.
        var explicitArguments = Arguments(use.Call).Count(a => a.ArgumentKind == ArgumentKind.Explicit);
        if (types.HasRngRuntime && explicitArguments == 1 && FromOsEntropy(use, types) is { } replacement)
        {
            edits.Add(new RngEdit(SeedSequenceTitle, SeedSequenceKey, callSyntax, replacement));
        }
        else if (types.HasRngRuntime && use.Sink.Kind == SeedSinkKind.Forwarding
            && RngFixSyntax.SeedWordAs(use.SeedValue.Type, "new " + RngFixSyntax.SeedSequenceName + "()", out var hasSignedCast) is { } seedWord)
        {
            // A method of the user's code that seeds an RNG with its parameter keeps its call; only the seed it is given changes.
            edits.Add(new RngEdit(
                SeedSequenceTitle,
                SeedSequenceKey,
                use.SeedSyntax,
                RngFixSyntax.Unchecked(seedWord, hasSignedCast, use.SeedSyntax, target.Model.Compilation)));
        }

        if (use.Sink.Kind == SeedSinkKind.SystemRandom && use.Call is IObjectCreationOperation creation
            && RngKnownTypes.Is(creation.Type, types.SystemRandom) && explicitArguments == 1)
        {
            edits.Add(new RngEdit("Use unseeded new Random() (not reproducible)", UnseededRandomKey, callSyntax, "new global::System.Random()"));
        }

        return edits.ToImmutable();
    }

    private static string? FromOsEntropy(SeedSinkUse use, RngKnownTypes types)
    {
        const string seedSequence = "new " + RngFixSyntax.SeedSequenceName + "()";

        // Generator.Create() is NumPy's default_rng(): a PCG64 over new SeedSequence().
        var generatorFromOs = RngFixSyntax.GeneratorHasParameterlessMethod(types, "Create", isStatic: true)
            ? RngFixSyntax.GeneratorName + ".Create()"
            : RngFixSyntax.GeneratorFrom(seedSequence, types);
        switch (use.Sink.Kind)
        {
            case SeedSinkKind.SeedSequence:
                return seedSequence;
            case SeedSinkKind.BitGenerator when use.Call is IObjectCreationOperation { Type: INamedTypeSymbol bitGenerator }
                && RngFixSyntax.HasSeedSequenceConstructor(bitGenerator, types):
                return "new " + RngFixSyntax.FullName(bitGenerator) + "(" + seedSequence + ")";
            case SeedSinkKind.GeneratorCreate:
                return generatorFromOs;
            case SeedSinkKind.SystemRandom when use.Call is IObjectCreationOperation creation
                && RngKnownTypes.Is(creation.Type, types.SystemRandom)
                && RngFixSyntax.GeneratorHasParameterlessMethod(types, "AsRandom", isStatic: false):
                return generatorFromOs is null ? null : generatorFromOs + ".AsRandom()";
            default:
                return null;
        }
    }

    private static ImmutableArray<IArgumentOperation> Arguments(IOperation call) => call switch
    {
        IObjectCreationOperation creation => creation.Arguments,
        IInvocationOperation invocation => invocation.Arguments,
        _ => ImmutableArray<IArgumentOperation>.Empty,
    };
}
