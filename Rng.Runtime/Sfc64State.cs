using System.Text.Json.Serialization;

namespace Rng;

/// <summary>
/// A snapshot of an <see cref="Sfc64"/> generator, field for field NumPy's <c>SFC64.state</c>; it serialises with
/// System.Text.Json (every member required, unknown members rejected) and can be fed back through <see cref="Sfc64.State"/> or
/// <see cref="Sfc64(Sfc64State)"/> to resume the stream exactly.
/// </summary>
/// <remarks>
/// Equality compares every word. The array is copied into and out of the generator, so changing it after the
/// fact never affects a generator. Immutable once built; safe to share between threads.
/// </remarks>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record Sfc64State
{
    /// <summary>The four state words a, b, c and the counter, in that order (NumPy's <c>state['state']</c>).</summary>
    [JsonPropertyName("state")]
    public required ulong[] State { get; init; }

    /// <summary>True when the next 32-bit draw returns <see cref="BufferedUInt32"/> (NumPy's <c>has_uint32</c>).</summary>
    [JsonPropertyName("hasBufferedUInt32")]
    [JsonRequired]
    public bool HasBufferedUInt32 { get; init; }

    /// <summary>The spare upper half of the last 64-bit value split for 32-bit draws (NumPy's <c>uinteger</c>).</summary>
    [JsonPropertyName("bufferedUInt32")]
    [JsonRequired]
    public uint BufferedUInt32 { get; init; }

    /// <summary>True when every field, word for word, is equal.</summary>
    /// <param name="other">The state to compare with.</param>
    public bool Equals(Sfc64State? other) =>
        other is not null
        && HasBufferedUInt32 == other.HasBufferedUInt32
        && BufferedUInt32 == other.BufferedUInt32
        && StateWords.SequenceEqual(State, other.State);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(StateWords.Hash(State), HasBufferedUInt32, BufferedUInt32);
}
