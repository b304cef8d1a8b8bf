using Microsoft.CodeAnalysis;

namespace Rng.Generators.Diagnostics;

/// <summary>The misuse diagnostics of the <c>[ParallelStochastic]</c> generator (RNG4xxx: thousands digit 4).</summary>
internal static class DiagnosticDescriptors
{
    public const string Category = "ParallelStochastic";

    // Every rule's page lives in docs/rules/<ID>.md; one place to change if the repository moves.
    public const string HelpLinkBase = "https://github.com/rngsafety/rngsafety/blob/main/docs/rules/";

    public const string ContainingTypeNotPartialId = "RNG4001";

    public static readonly DiagnosticDescriptor ContainingTypeNotPartial = Create(
        ContainingTypeNotPartialId,
        "The type of a [ParallelStochastic] method must be partial",
        "Type '{0}' must be declared partial so that the driver '{1}' of method '{2}' can be added to it",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MissingGeneratorParameter = Create(
        "RNG4002",
        "A [ParallelStochastic] method needs a Generator parameter",
        "Method '{0}' has no Rng.Generator parameter; the driver seeds each worker by passing it its own Generator, so the method must take exactly one",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MultipleGeneratorParameters = Create(
        "RNG4003",
        "A [ParallelStochastic] method takes exactly one Generator parameter",
        "Method '{0}' has more than one Generator parameter ('{1}' and '{2}'); the driver gives each worker exactly one Generator",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsupportedParameter = Create(
        "RNG4004",
        "A [ParallelStochastic] method cannot take ref, out, in, pointer or ref struct parameters",
        "Parameter '{0}' of method '{1}' is {2}; the driver hands the same arguments to workers running in parallel, so only by-value parameters of ordinary types are supported",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DriverNameCollision = Create(
        "RNG4005",
        "The generated driver's name collides with an existing member",
        "The driver '{0}' of method '{1}' would collide with {2}; rename the method or the other member",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsupportedTarget = Create(
        "RNG4006",
        "[ParallelStochastic] applies to ordinary methods only",
        "[ParallelStochastic] cannot be applied to {0}; apply it to an ordinary method of a class or record, or to a static method of a struct",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsupportedReturnType = Create(
        "RNG4007",
        "The return type of a [ParallelStochastic] method is not supported",
        "Method '{0}' returns {1}, which the driver cannot collect into its result array; return the result by value",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsupportedBitGenerator = Create(
        "RNG4008",
        "The bit generator is not one the driver can seed",
        "'{0}' is not a supported bit generator; use typeof(Pcg64), typeof(Pcg64Dxsm), typeof(Philox), typeof(Sfc64) or typeof(Mt19937)",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidWorkerIndex = Create(
        "RNG4009",
        "A [WorkerIndex] parameter must be a single int",
        "[WorkerIndex] parameter '{0}' of method '{1}' {2}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MultipleCancellationTokens = Create(
        "RNG4010",
        "A [ParallelStochastic] method takes at most one CancellationToken",
        "Method '{0}' has more than one CancellationToken parameter ('{1}' and '{2}'); the driver could not tell which one cancels the parallel loop",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor WorkerIndexWithoutParallelStochastic = Create(
        "RNG4011",
        "[WorkerIndex] has no effect outside a [ParallelStochastic] method",
        "[WorkerIndex] on parameter '{0}' has no effect because '{1}' is not a [ParallelStochastic] method",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor GeneratorFailure = Create(
        "RNG4012",
        "The [ParallelStochastic] generator failed on a method",
        "No driver was generated for '{0}' because the generator failed: {1}; please report this",
        DiagnosticSeverity.Warning);

    private static DiagnosticDescriptor Create(string id, string title, string messageFormat, DiagnosticSeverity severity) =>
        new DiagnosticDescriptor(
            id,
            title,
            messageFormat,
            Category,
            severity,
            isEnabledByDefault: true,
            helpLinkUri: HelpLinkBase + id + ".md");
}
