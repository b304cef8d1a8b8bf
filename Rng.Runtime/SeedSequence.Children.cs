using System.Numerics;

namespace Rng;

// Lazy spawning for ParallelRandom: reserving n children and building child i on demand gives exactly
// Spawn(n)[i] without keeping n sequences alive at once (a loop of 10^7 items would otherwise hold 10^7 of them).
public sealed partial class SeedSequence
{
    /// <summary>
    /// Advances <see cref="ChildrenSpawned"/> by <paramref name="count"/> as <see cref="Spawn(int)"/> does, without
    /// creating the children, and returns the first reserved child index; build them with <see cref="CreateChild(int)"/>.
    /// </summary>
    internal int ReserveChildren(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, int.MaxValue - ChildrenSpawned);
        int first = ChildrenSpawned;
        ChildrenSpawned += count;
        return first;
    }

    /// <summary>
    /// Builds the child whose spawn key ends in <paramref name="childIndex"/>: equal to the child that
    /// <see cref="Spawn(int)"/> returned (or would return) for that index. Reads only immutable state, so it is
    /// safe to call from many threads at once.
    /// </summary>
    internal SeedSequence CreateChild(int childIndex)
    {
        var key = new BigInteger[_spawnKey.Length + 1];
        _spawnKey.CopyTo(key, 0);
        key[^1] = childIndex;
        return new SeedSequence(_entropy, IsEntropyList, key, PoolSize, childrenSpawned: 0, _entropyWords);
    }
}
