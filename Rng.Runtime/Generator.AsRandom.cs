namespace Rng;

public sealed partial class Generator
{
    private GeneratorRandom? _asRandom;

    /// <summary>
    /// Returns a <see cref="System.Random"/> that draws from this generator's stream, for .NET APIs that take a
    /// <see cref="System.Random"/> (<c>Random.Shuffle</c>, <c>Random.GetItems</c>, third-party samplers). Every virtual
    /// member is overridden, so nothing falls back to .NET's legacy algorithm, and each call is one NumPy call:
    /// <list type="table">
    /// <listheader><term>System.Random</term><description>Generator call (NumPy 1.24)</description></listheader>
    /// <item><term><c>Next()</c></term><description><c>Integers(0, int.MaxValue)</c>: <c>integers(0, 2**31 - 1, dtype=np.int32)</c></description></item>
    /// <item><term><c>Next(max)</c></term><description><c>Integers(0, max)</c>: <c>integers(0, max, dtype=np.int32)</c>; <c>Next(0)</c> returns 0 and draws nothing</description></item>
    /// <item><term><c>Next(min, max)</c></term><description><c>Integers(min, max)</c>: <c>integers(min, max, dtype=np.int32)</c>; <c>min == max</c> returns <c>min</c> and draws nothing</description></item>
    /// <item><term><c>NextInt64()</c></term><description><c>Integers(0L, long.MaxValue)</c>: <c>integers(0, 2**63 - 1)</c> (int64)</description></item>
    /// <item><term><c>NextInt64(max)</c>, <c>NextInt64(min, max)</c></term><description><c>Integers(0L, max)</c>, <c>Integers(min, max)</c> on int64, with the same empty-range rule</description></item>
    /// <item><term><c>NextDouble()</c> and <c>Sample()</c></term><description><see cref="Random()"/>: <c>random()</c></description></item>
    /// <item><term><c>NextSingle()</c></term><description><see cref="RandomSingle()"/>: <c>random(dtype=np.float32)</c></description></item>
    /// <item><term><c>NextBytes(buffer)</c> (array or span)</term><description><see cref="Bytes(Span{byte})"/>: <c>bytes(len(buffer))</c>; like NumPy 1.24 an empty buffer still consumes one 32-bit draw</description></item>
    /// </list>
    /// <c>Random.Shuffle(values)</c> then performs .NET's Fisher-Yates, <c>j = Next(i, n)</c> for i = 0 .. n - 2, and
    /// <c>Random.GetItems(choices, length)</c> takes <c>choices[Next(choices.Length)]</c> per item: both reproducible in
    /// NumPy with the calls above, but not the same permutation as <see cref="Shuffle{T}(Span{T})"/> (NumPy's own order).
    /// </summary>
    /// <returns>The same adapter on every call; it holds no state of its own, so drawing through it and through this
    /// generator interleaves in one stream.</returns>
    /// <remarks>
    /// Argument errors are <see cref="System.Random"/>'s: <see cref="ArgumentOutOfRangeException"/> for a negative
    /// <c>maxValue</c> or <c>minValue &gt; maxValue</c>, <see cref="ArgumentNullException"/> for a null buffer.
    /// Not thread-safe, like the generator itself (and unlike <see cref="System.Random.Shared"/>): give each thread its
    /// own generator, for example through <see cref="ParallelRandom"/>.
    /// </remarks>
    public Random AsRandom() => _asRandom ??= new GeneratorRandom(this);
}
