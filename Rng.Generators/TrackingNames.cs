namespace Rng.Generators;

/// <summary>The names of the pipeline steps, so tests can check that each step is cached across unrelated edits.</summary>
internal static class TrackingNames
{
    /// <summary>The parse of each <c>[ParallelStochastic]</c> target into a model and diagnostics.</summary>
    public const string Parse = nameof(Parse);

    /// <summary>The models of targets that had no error.</summary>
    public const string Models = nameof(Models);

    /// <summary>The diagnostics of all targets.</summary>
    public const string Diagnostics = nameof(Diagnostics);

    /// <summary>[WorkerIndex] parameters of methods without [ParallelStochastic].</summary>
    public const string WorkerIndexes = nameof(WorkerIndexes);
}
