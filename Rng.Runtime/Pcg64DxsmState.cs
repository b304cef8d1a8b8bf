using System.Text.Json.Serialization;
using Rng.Serialization;

namespace Rng;

/// <summary>
/// A snapshot of a <see cref="Pcg64Dxsm"/>'s state (NumPy's <c>bit_generator.state</c> for PCG64DXSM): the 128-bit LCG state and
/// increment plus the buffered 32-bit half. Assign it to <see cref="Pcg64Dxsm.State"/> or pass it to
/// <see cref="Pcg64Dxsm(Pcg64DxsmState)"/> to resume the stream exactly.
/// </summary>
/// <remarks>
/// <para>
/// JSON (System.Text.Json): <c>{"state":"…","increment":"…","hasBufferedUInt32":false,"bufferedUInt32":0}</c>; the two
/// 128-bit values are strings of decimal digits, equal to NumPy's <c>state['state']['state']</c> and
/// <c>state['state']['inc']</c>. Every member is required and unknown members are rejected, so a truncated or
/// misspelled snapshot fails to load instead of resuming a different stream.
/// </para>
/// <para>An immutable value; safe to share between threads.</para>
/// </remarks>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record Pcg64DxsmState
{
    /// <summary>The 128-bit LCG state (NumPy's <c>state['state']['state']</c>).</summary>
    [JsonPropertyName("state")]
    [JsonUInt128String("state")]
    public required UInt128 State { get; init; }

    /// <summary>The LCG increment (NumPy's <c>state['state']['inc']</c>); always odd.</summary>
    [JsonPropertyName("increment")]
    [JsonUInt128String("increment")]
    public required UInt128 Increment { get; init; }

    /// <summary>True when the next <see cref="BitGenerator.NextUInt32"/> returns <see cref="BufferedUInt32"/> (NumPy's <c>has_uint32</c>).</summary>
    [JsonPropertyName("hasBufferedUInt32")]
    [JsonRequired]
    public bool HasBufferedUInt32 { get; init; }

    /// <summary>The buffered upper half of the last 64-bit draw split by <see cref="BitGenerator.NextUInt32"/> (NumPy's <c>uinteger</c>).</summary>
    [JsonPropertyName("bufferedUInt32")]
    [JsonRequired]
    public uint BufferedUInt32 { get; init; }
}
