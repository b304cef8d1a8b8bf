using System.Text.Json.Serialization;

namespace Rng;

/// <summary>
/// A snapshot of a <see cref="Philox"/> generator, field for field NumPy's <c>Philox.state</c>; it serialises
/// with System.Text.Json (every member required, unknown members rejected) and can be fed back through <see cref="Philox.State"/> or
/// <see cref="Philox(PhiloxState)"/> to resume the stream exactly.
/// </summary>
/// <remarks>
/// Equality compares every word. The arrays are copied into and out of the generator, so changing them
/// after the fact never affects a generator. Immutable once built; safe to share between threads.
/// </remarks>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record PhiloxState
{
    /// <summary>The 256-bit counter as four 64-bit words, low word first (NumPy's <c>state['counter']</c>).</summary>
    [JsonPropertyName("counter")]
    public required ulong[] Counter { get; init; }

    /// <summary>The 128-bit key as two 64-bit words, low word first (NumPy's <c>state['key']</c>).</summary>
    [JsonPropertyName("key")]
    public required ulong[] Key { get; init; }

    /// <summary>The four outputs of the current counter block (NumPy's <c>buffer</c>).</summary>
    [JsonPropertyName("buffer")]
    public required ulong[] Buffer { get; init; }

    /// <summary>How many values of <see cref="Buffer"/> are used up, in [0, 4]; 4 means the next draw starts a new block (NumPy's <c>buffer_pos</c>).</summary>
    [JsonPropertyName("bufferPosition")]
    public required int BufferPosition { get; init; }

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
    public bool Equals(PhiloxState? other) =>
        other is not null
        && BufferPosition == other.BufferPosition
        && HasBufferedUInt32 == other.HasBufferedUInt32
        && BufferedUInt32 == other.BufferedUInt32
        && StateWords.SequenceEqual(Counter, other.Counter)
        && StateWords.SequenceEqual(Key, other.Key)
        && StateWords.SequenceEqual(Buffer, other.Buffer);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        HashCode.Combine(StateWords.Hash(Counter), StateWords.Hash(Key), StateWords.Hash(Buffer), BufferPosition, HasBufferedUInt32, BufferedUInt32);
}
