namespace Rng;

// Value equality and hashing of the word arrays in the Philox, Sfc64 and Mt19937 state records (arrays compare
// by reference otherwise).
internal static class StateWords
{
    public static bool SequenceEqual<T>(T[]? left, T[]? right)
        where T : IEquatable<T>
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        return left.AsSpan().SequenceEqual(right);
    }

    public static int Hash<T>(T[]? words)
    {
        if (words is null)
        {
            return 0;
        }

        var hash = new HashCode();
        foreach (T word in words)
        {
            hash.Add(word);
        }

        return hash.ToHashCode();
    }
}
