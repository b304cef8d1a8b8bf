using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Rng.Analyzers;

/// <summary>How an RNG made for one thread or worker is seeded; decides between RNG1002, RNG2002 and no report.</summary>
internal enum PerThreadSeeding
{
    /// <summary>Not an RNG creation the rules understand.</summary>
    Unknown,

    /// <summary>No seed (OS entropy): not reproducible by design, nothing to report.</summary>
    Unseeded,

    /// <summary>The same seed for every thread (RNG1002).</summary>
    Invariant,

    /// <summary>A seed from the clock, a thread id, a hash or another RNG without seed (RNG1003/RNG1004 territory).</summary>
    Nondeterministic,

    /// <summary>Reproducible seeds handed out per thread (a locked seeder, a counter): RNG2002.</summary>
    Deterministic,
}

/// <summary>Classifies how per-thread RNGs are seeded, and recognises values that differ from run to run.</summary>
internal static class PerThreadSeeds
{
    /// <summary>
    /// True when <paramref name="operation"/> reads something that changes from run to run: the clock, tick counts,
    /// timestamps, new Guids, process/thread/task ids, per-process hash codes, Random.Shared or an unseeded RNG
    /// (looking through locals assigned earlier).
    /// </summary>
    public static bool IsNondeterministic(IOperation operation, RngKnownTypes types)
    {
        var budget = OperationHelpers.MaxVisitedNodes;
        var visited = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        return IsNondeterministic(operation, types, visited, ref budget);
    }

    /// <summary>
    /// How <paramref name="creation"/> (an RNG created in a ThreadLocal factory, localInit or [ThreadStatic] initialiser
    /// whose repeated code is <paramref name="boundary"/>) is seeded.
    /// </summary>
    public static PerThreadSeeding ClassifyPerThread(IOperation creation, IOperation boundary, RngKnownTypes types)
    {
        creation = creation.WalkDownConversions();
        if (creation is not (IObjectCreationOperation or IInvocationOperation) || !types.IsRngType(creation.Type))
        {
            return PerThreadSeeding.Unknown;
        }

        if (types.SeedSinks.TryGetUse(creation, out var use))
        {
            if (new Invariance(boundary).IsInvariant(use.SeedValue))
            {
                return PerThreadSeeding.Invariant;
            }

            // RNG1003/RNG1004's own searches first (they also follow fields and counters started from the clock).
            return SeedSources.TryFindClockSource(use, types, out _) || SeedSources.TryFindProcessHash(use, types, out _) || IsNondeterministic(use.SeedValue, types)
                ? PerThreadSeeding.Nondeterministic
                : PerThreadSeeding.Deterministic;
        }

        var arguments = creation switch
        {
            IObjectCreationOperation objectCreation => objectCreation.Arguments,
            IInvocationOperation invocation => invocation.Arguments,
            _ => default,
        };

        var hasSeedArgument = false;
        foreach (var argument in arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.Explicit)
            {
                continue;
            }

            hasSeedArgument = true;
            if (IsNondeterministic(argument.Value, types))
            {
                return PerThreadSeeding.Nondeterministic;
            }
        }

        return hasSeedArgument ? PerThreadSeeding.Deterministic : PerThreadSeeding.Unseeded;
    }

    private static bool IsNondeterministic(IOperation operation, RngKnownTypes types, HashSet<ILocalSymbol> visited, ref int budget)
    {
        foreach (var node in operation.DescendantsAndSelf())
        {
            if (--budget < 0)
            {
                return false;
            }

            if (IsSource(node, types))
            {
                return true;
            }

            if (node is ILocalReferenceOperation local && visited.Add(local.Local)
                && OperationHelpers.GetReachingValue(local) is { } value
                && IsNondeterministic(value, types, visited, ref budget))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSource(IOperation node, RngKnownTypes types)
    {
        switch (node)
        {
            case IPropertyReferenceOperation property:
                return IsSourceMember(property.Property, types);
            case IInvocationOperation invocation:
                var method = invocation.TargetMethod;
                if (method.Name == "GetHashCode" && invocation.Instance?.Type?.SpecialType == SpecialType.System_String)
                {
                    return true;
                }

                return IsSourceMember(method, types)
                    || RngKnownTypes.Is(method.ContainingType, types.HashCode)
                    || (RngKnownTypes.Is(method.ContainingType, types.Guid) && method.Name == "NewGuid");
            case IObjectCreationOperation creation:
                // An RNG or SeedSequence made without a seed draws OS entropy.
                return creation.Arguments.Length == 0
                    && (types.IsRngType(creation.Type) || RngKnownTypes.Is(creation.Type, types.SeedSequence));
            default:
                return false;
        }
    }

    private static bool IsSourceMember(ISymbol member, RngKnownTypes types)
    {
        var type = member.ContainingType;
        if (RngKnownTypes.Is(type, types.DateTime) || RngKnownTypes.Is(type, types.DateTimeOffset)
            || RngKnownTypes.Is(type, types.Stopwatch) || RngKnownTypes.Is(type, types.Process))
        {
            // DateTime.Now, .UtcNow, .Today, Stopwatch timestamps and elapsed times, process ids; not constructors of constants.
            return member.IsStatic || member.Name.StartsWith("Elapsed", System.StringComparison.Ordinal) || member.Name == "Id";
        }

        if (RngKnownTypes.Is(type, types.Environment))
        {
            return member.Name is "TickCount" or "TickCount64" or "ProcessId" or "CurrentManagedThreadId";
        }

        if (RngKnownTypes.Is(type, types.Thread))
        {
            return member.Name == "ManagedThreadId";
        }

        if (RngKnownTypes.Is(type, types.Task))
        {
            return member.Name is "CurrentId" or "Id";
        }

        return RngKnownTypes.Is(type, types.SystemRandom) && member.Name == "Shared";
    }
}
