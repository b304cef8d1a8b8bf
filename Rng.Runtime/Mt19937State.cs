using System.Text.Json.Serialization;

namespace Rng;

/// <summary>
/// A snapshot of an <see cref="Mt19937"/> generator, field for field NumPy's <c>MT19937.state</c>; it serialises
/// with System.Text.Json (every member required, unknown members rejected) and can be fed back through <see cref="Mt19937.State"/> or
/// <see cref="Mt19937(Mt19937State)"/> to resume the stream exactly.
/// </summary>
/// <remarks>
/// Equality compares every word. The array is copied into and out of the generator, so changing it after the
/// fact never affects a generator. Immutable once built; safe to share between threads.
/// </remarks>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record Mt19937State
{
    /// <summary>The 624 words of the twister state (NumPy's <c>state['key']</c>).</summary>
    [JsonPropertyName("key")]
    public required uint[] Key { get; init; }

    /// <summary>The index of the next word to output, in [0, 624]; 624 means the state is regenerated first (NumPy's <c>pos</c>).</summary>
    [JsonPropertyName("pos")]
    public required int Position { get; init; }

    /// <summary>True when the key and the position are equal.</summary>
    /// <param name="other">The state to compare with.</param>
    public bool Equals(Mt19937State? other) =>
        other is not null && Position == other.Position && StateWords.SequenceEqual(Key, other.Key);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(StateWords.Hash(Key), Position);
}
