using Microsoft.CodeAnalysis;

namespace Rng.Analyzers;

/// <summary>Every diagnostic the RngSafety analyzers report, created by one factory so IDs, categories and help links stay consistent.</summary>
internal static class Descriptors
{
    /// <summary>Each rule's help link is this base followed by <c>&lt;ID&gt;.md</c>.</summary>
    public const string HelpLinkBase = "https://github.com/rngsafety/rngsafety/blob/main/docs/rules/";

    public const string ConfigurationCategory = "Configuration";
    public const string SeedingCategory = "Seeding";
    public const string SharingCategory = "Sharing";
    public const string StreamOverlapCategory = "StreamOverlap";

    // ---- 0xxx: configuration ----

    public static readonly DiagnosticDescriptor InvalidConfiguration = Create(
        "RNG0001",
        "Invalid rng_safety configuration",
        "{0} entry '{1}' is ignored: {2}. Use documentation-comment IDs such as 'M:Namespace.Type.ctor(System.Int32)', separated by '|'.",
        DiagnosticSeverity.Warning,
        "An rng_safety option in .editorconfig could not be understood, so the RngSafety analyzers ignore that entry.",
        WellKnownDiagnosticTags.CompilationEnd);

    // ---- 1xxx: seeding ----

    public static readonly DiagnosticDescriptor SeedDerivedByArithmetic = Create(
        "RNG1001",
        "Seed derived by arithmetic",
        "Seed '{0}' {1}. Key a SeedSequence by [{2}].",
        DiagnosticSeverity.Warning,
        "Seeds made by adding, multiplying or XOR-ing a worker or loop index into a root seed give streams that collide across runs and workers; "
        + "System.Random's legacy seeding also correlates neighbouring seeds. Hash the parts with a SeedSequence keyed by [workerId, rootSeed].");

    public static readonly DiagnosticDescriptor SameSeedInEveryWorker = Create(
        "RNG1002",
        "Same seed in every worker",
        "Seed '{0}' does not vary per {1}; every {1} draws the identical stream. Key the seed by the {1} index with a SeedSequence.",
        DiagnosticSeverity.Warning,
        "An RNG created inside a loop, parallel body, ThreadLocal factory or localInit with a seed that does not vary per iteration or worker produces the same numbers everywhere.");

    public static readonly DiagnosticDescriptor SeedFromClockProcessOrThread = Create(
        "RNG1003",
        "Seed from the clock, process or thread",
        "Seed '{0}' reads {1}; {2}. Seed from new SeedSequence() and log its Entropy, or use unseeded new Random() if reproducibility is not wanted.",
        DiagnosticSeverity.Warning,
        "Seeds taken from the clock, a tick count, a timestamp, a new Guid, the process id or a thread/task id differ from run to run, so a run cannot be reproduced, "
        + "and workers started together get equal or neighbouring seeds.");

    public static readonly DiagnosticDescriptor SeedFromProcessHash = Create(
        "RNG1004",
        "Seed from a per-process hash",
        "Seed '{0}' uses {1}, which .NET randomises per process; the seeded run never repeats. Hash the UTF-8 text with SHA-256 and use it as SeedSequence entropy.",
        DiagnosticSeverity.Warning,
        "string.GetHashCode, HashCode.Combine and the hash codes of tuples and of records or anonymous types holding strings are randomised per process by .NET, "
        + "so a seed made from them changes every time the program starts.");

    public static readonly DiagnosticDescriptor LowEntropyRootSeed = Create(
        "RNG1005",
        "Low-entropy root seed",
        "Root seed '{0}' has only {1} bits; NumPy recommends 128 bits so that independent runs do not share streams. Use a freshly drawn 128-bit seed.",
        DiagnosticSeverity.Info,
        "A small literal root seed (such as 42 or a date) is likely to be chosen by other runs too; their streams are then identical. NumPy recommends 128-bit root seeds.");

    public static readonly DiagnosticDescriptor WorkerIdAfterRootSeed = Create(
        "RNG1006",
        "Worker id after the root seed",
        "SeedSequence entropy '{0}' puts {1} after the root seed {2}; put the varying ids first so ad-hoc keys cannot collide with spawn keys. Use [{3}].",
        DiagnosticSeverity.Info,
        "NumPy recommends SeedSequence([worker_id, root_seed]): varying ids first, the root seed last.");

    // ---- 2xxx: sharing across threads ----

    public static readonly DiagnosticDescriptor RngSharedAcrossParallelBody = Create(
        "RNG2001",
        "RNG shared across a parallel body",
        "'{0}' is a {1} declared outside the parallel body and used inside it; {1} is not thread-safe and the draw order depends on scheduling. Give every item its own stream ({2}).",
        DiagnosticSeverity.Warning,
        "System.Random and the RngSafety generators are not thread-safe: a shared System.Random can start returning only zeros, and results depend on thread scheduling.");

    public static readonly DiagnosticDescriptor ThreadSafeButNotReproducible = Create(
        "RNG2002",
        "Thread-safe but not reproducible",
        "'{0}' is thread-safe here but {1}, so which numbers each item gets depends on scheduling. Use per-item streams (ParallelRandom or SeedSequence.Spawn).",
        DiagnosticSeverity.Info,
        "Random.Shared, locked RNGs and per-thread RNGs are safe to use from many threads, but which item receives which numbers depends on work stealing, so results are not reproducible.");

    public static readonly DiagnosticDescriptor ThreadStaticRngWithInitializer = Create(
        "RNG2003",
        "[ThreadStatic] RNG with an initializer",
        "[ThreadStatic] field '{0}' has an initializer, which runs on one thread only; every other thread sees null. Initialise it lazily on each thread.",
        DiagnosticSeverity.Warning,
        "The initializer of a [ThreadStatic] field runs once, on the thread that first touches the type; other threads see the default value.");

    // ---- 3xxx: stream overlap ----

    public static readonly DiagnosticDescriptor OverlappingJumpedStreams = Create(
        "RNG3001",
        "Overlapping jumped streams",
        "Stream '{0}' overlaps stream '{1}' from the same root: {2}. Use SeedSequence.Spawn for independent streams.",
        DiagnosticSeverity.Warning,
        "Jumped or advanced copies of one generator whose offsets coincide or whose ranges intersect produce the same numbers.");

    public static readonly DiagnosticDescriptor StreamsFromSameSeedMaterial = Create(
        "RNG3002",
        "Two streams from the same seed material",
        "'{0}' builds a second stream from {1}, which already seeded '{2}'; both streams are identical. Spawn distinct children.",
        DiagnosticSeverity.Warning,
        "Two generators built from the same SeedSequence, spawned child, Philox key or constant seed produce identical streams.");

    /// <summary>Every descriptor above, for tests and tooling.</summary>
    public static readonly System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> All = System.Collections.Immutable.ImmutableArray.Create(
        InvalidConfiguration,
        SeedDerivedByArithmetic,
        SameSeedInEveryWorker,
        SeedFromClockProcessOrThread,
        SeedFromProcessHash,
        LowEntropyRootSeed,
        WorkerIdAfterRootSeed,
        RngSharedAcrossParallelBody,
        ThreadSafeButNotReproducible,
        ThreadStaticRngWithInitializer,
        OverlappingJumpedStreams,
        StreamsFromSameSeedMaterial);

    /// <summary>The category follows the thousands digit of the ID: 0 configuration, 1 seeding, 2 sharing, 3 stream overlap.</summary>
    public static string CategoryOf(string id) => id[3] switch
    {
        '0' => ConfigurationCategory,
        '1' => SeedingCategory,
        '2' => SharingCategory,
        '3' => StreamOverlapCategory,
        _ => throw new System.ArgumentException("Rule IDs are RNG followed by four digits whose first digit is 0 to 3.", nameof(id)),
    };

    private static DiagnosticDescriptor Create(
        string id,
        string title,
        string messageFormat,
        DiagnosticSeverity severity,
        string description,
        params string[] customTags)
    {
        return new DiagnosticDescriptor(
            id,
            title,
            messageFormat,
            CategoryOf(id),
            severity,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: HelpLinkBase + id + ".md",
            customTags: customTags);
    }
}
