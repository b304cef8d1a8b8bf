using System.Collections.Immutable;
using System.Numerics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Rng.Analyzers;

/// <summary>
/// RNG1005: a constant root seed of at most <see cref="MaxLowEntropyBits"/> bits (42, 12345, a date such as 20240101)
/// given to SeedSequence, Generator.Create or a bit generator's integer seed; NumPy recommends 128-bit root seeds.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LowEntropySeedAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Constant root seeds with at most this many significant bits are reported: hand-typed seeds, which other runs also pick.</summary>
    public const int MaxLowEntropyBits = 32;

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LowEntropyRootSeed);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var types = KnownTypesCache.Get(start.Compilation, start.Options);
            RngAnalysis.RegisterSeedSinkAction(start, types, (operationContext, use) =>
            {
                if (TryGetLowEntropyConstant(use, out var value, out _))
                {
                    operationContext.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.LowEntropyRootSeed,
                        use.SeedSyntax.GetLocation(),
                        OperationHelpers.Text(use.SeedSyntax),
                        BitLength(value)));
                }
            });
        });
    }

    /// <summary>
    /// True when the root seed of <paramref name="use"/> is a non-negative constant of at most <see cref="MaxLowEntropyBits"/> bits,
    /// directly, through a named constant or through a local assigned earlier; <paramref name="isDirect"/> tells whether it is a literal written in the argument itself.
    /// </summary>
    internal static bool TryGetLowEntropyConstant(SeedSinkUse use, out BigInteger value, out bool isDirect)
    {
        value = default;
        isDirect = true;
        if (!use.Sink.IsRootSeed)
        {
            return false;
        }

        var current = use.SeedValue;
        for (var depth = 0; depth < 8; depth++)
        {
            if (current.TryGetIntegerConstant(out value))
            {
                // A named constant (const Seed = 42) is used elsewhere too; only a literal in the argument is rewritten.
                isDirect &= current.WalkDownConversions() is ILiteralOperation;
                return value.Sign >= 0 && BitLength(value) <= MaxLowEntropyBits;
            }

            if (current.WalkDownConversions() is ILocalReferenceOperation local && OperationHelpers.GetReachingValue(local) is { } assigned)
            {
                current = assigned;
                isDirect = false;
                continue;
            }

            break;
        }

        return false;
    }

    internal static int BitLength(BigInteger value)
    {
        var bits = 0;
        while (value > BigInteger.Zero)
        {
            value >>= 1;
            bits++;
        }

        return bits;
    }
}
