using System.Runtime.InteropServices;
using Rng.Internal;

namespace Rng;

// NumPy's Generator.integers(low, high, size, dtype, endpoint). Each overload is one NumPy dtype, chosen by the
// argument types: long = int64 (NumPy's default), int = int32, ulong = uint64, uint = uint32, byte = uint8. The values
// come from [low, high) (or [low, high] with endpoint), by NumPy's bounded generators: 32-bit buffered Lemire when the
// range fits 32 bits, 64-bit Lemire otherwise, plain draws for the full 32- and 64-bit ranges.
// The full uint64 / int64 / ... ranges need endpoint: true, as high = 2^64 does not fit a ulong.
public sealed partial class Generator
{
    /// <summary>
    /// Returns an integer in [<paramref name="low"/>, <paramref name="high"/>), or [<paramref name="low"/>,
    /// <paramref name="high"/>] when <paramref name="endpoint"/> is true: NumPy's
    /// <c>Generator.integers(low, high, endpoint=endpoint)</c> with the default dtype int64.
    /// </summary>
    /// <param name="low">Lowest value that can be drawn.</param>
    /// <param name="high">One above the highest value, or the highest value when <paramref name="endpoint"/> is true.</param>
    /// <param name="endpoint">True to include <paramref name="high"/>; <c>Integers(long.MinValue, long.MaxValue, true)</c> is the full range.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="low"/> &gt;= <paramref name="high"/> (&gt; when <paramref name="endpoint"/> is true).</exception>
    public long Integers(long low, long high, bool endpoint = false)
    {
        ulong range = ClosedRange(low, high, endpoint);
        return (long)((ulong)low + BoundedIntegers.Bounded64(_bitGenerator, range));
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with integers in [<paramref name="low"/>, <paramref name="high"/>) (or
    /// [low, high] with <paramref name="endpoint"/>): NumPy's <c>Generator.integers(low, high, size=n, endpoint=endpoint)</c>
    /// (dtype int64), the same values as that many scalar calls. Allocates nothing.
    /// </summary>
    /// <param name="low">Lowest value that can be drawn.</param>
    /// <param name="high">One above the highest value, or the highest value when <paramref name="endpoint"/> is true.</param>
    /// <param name="destination">The span to fill; its whole length is written.</param>
    /// <param name="endpoint">True to include <paramref name="high"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="low"/> &gt;= <paramref name="high"/> (&gt; when <paramref name="endpoint"/> is true).</exception>
    public void Integers(long low, long high, Span<long> destination, bool endpoint = false)
    {
        ulong range = ClosedRange(low, high, endpoint);
        BoundedIntegers.Fill64(_bitGenerator, _drawsDeriveFromUInt64, MemoryMarshal.Cast<long, ulong>(destination), (ulong)low, range);
    }

    /// <summary>
    /// Returns an integer in [<paramref name="low"/>, <paramref name="high"/>) (or [low, high] with
    /// <paramref name="endpoint"/>): NumPy's <c>Generator.integers(low, high, dtype=np.int32, endpoint=endpoint)</c>.
    /// For ranges below 2^32 the values equal the int64 overload's.
    /// </summary>
    /// <param name="low">Lowest value that can be drawn.</param>
    /// <param name="high">One above the highest value, or the highest value when <paramref name="endpoint"/> is true.</param>
    /// <param name="endpoint">True to include <paramref name="high"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="low"/> &gt;= <paramref name="high"/> (&gt; when <paramref name="endpoint"/> is true).</exception>
    public int Integers(int low, int high, bool endpoint = false)
    {
        uint range = (uint)ClosedRange(low, high, endpoint);
        return (int)((uint)low + Bounded32(range));
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with integers in [<paramref name="low"/>, <paramref name="high"/>) (or
    /// [low, high] with <paramref name="endpoint"/>): NumPy's
    /// <c>Generator.integers(low, high, size=n, dtype=np.int32, endpoint=endpoint)</c>. Allocates nothing.
    /// </summary>
    /// <param name="low">Lowest value that can be drawn.</param>
    /// <param name="high">One above the highest value, or the highest value when <paramref name="endpoint"/> is true.</param>
    /// <param name="destination">The span to fill; its whole length is written.</param>
    /// <param name="endpoint">True to include <paramref name="high"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="low"/> &gt;= <paramref name="high"/> (&gt; when <paramref name="endpoint"/> is true).</exception>
    public void Integers(int low, int high, Span<int> destination, bool endpoint = false)
    {
        uint range = (uint)ClosedRange(low, high, endpoint);
        BoundedIntegers.Fill32(_bitGenerator, _drawsDeriveFromUInt64, MemoryMarshal.Cast<int, uint>(destination), (uint)low, range);
    }

    /// <summary>
    /// Returns an integer in [<paramref name="low"/>, <paramref name="high"/>) (or [low, high] with
    /// <paramref name="endpoint"/>): NumPy's <c>Generator.integers(low, high, dtype=np.uint64, endpoint=endpoint)</c>.
    /// <c>Integers(0UL, ulong.MaxValue, true)</c> is the full range (NumPy: <c>integers(0, 2**64, dtype=np.uint64)</c>).
    /// </summary>
    /// <param name="low">Lowest value that can be drawn.</param>
    /// <param name="high">One above the highest value, or the highest value when <paramref name="endpoint"/> is true.</param>
    /// <param name="endpoint">True to include <paramref name="high"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="low"/> &gt;= <paramref name="high"/> (&gt; when <paramref name="endpoint"/> is true).</exception>
    public ulong Integers(ulong low, ulong high, bool endpoint = false)
    {
        ulong range = ClosedRange(low, high, endpoint);
        return low + BoundedIntegers.Bounded64(_bitGenerator, range);
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with integers in [<paramref name="low"/>, <paramref name="high"/>) (or
    /// [low, high] with <paramref name="endpoint"/>): NumPy's
    /// <c>Generator.integers(low, high, size=n, dtype=np.uint64, endpoint=endpoint)</c>. Allocates nothing.
    /// </summary>
    /// <param name="low">Lowest value that can be drawn.</param>
    /// <param name="high">One above the highest value, or the highest value when <paramref name="endpoint"/> is true.</param>
    /// <param name="destination">The span to fill; its whole length is written.</param>
    /// <param name="endpoint">True to include <paramref name="high"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="low"/> &gt;= <paramref name="high"/> (&gt; when <paramref name="endpoint"/> is true).</exception>
    public void Integers(ulong low, ulong high, Span<ulong> destination, bool endpoint = false)
    {
        ulong range = ClosedRange(low, high, endpoint);
        BoundedIntegers.Fill64(_bitGenerator, _drawsDeriveFromUInt64, destination, low, range);
    }

    /// <summary>
    /// Returns an integer in [<paramref name="low"/>, <paramref name="high"/>) (or [low, high] with
    /// <paramref name="endpoint"/>): NumPy's <c>Generator.integers(low, high, dtype=np.uint32, endpoint=endpoint)</c>.
    /// </summary>
    /// <param name="low">Lowest value that can be drawn.</param>
    /// <param name="high">One above the highest value, or the highest value when <paramref name="endpoint"/> is true.</param>
    /// <param name="endpoint">True to include <paramref name="high"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="low"/> &gt;= <paramref name="high"/> (&gt; when <paramref name="endpoint"/> is true).</exception>
    public uint Integers(uint low, uint high, bool endpoint = false)
    {
        uint range = (uint)ClosedRange(low, high, endpoint);
        return low + Bounded32(range);
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with integers in [<paramref name="low"/>, <paramref name="high"/>) (or
    /// [low, high] with <paramref name="endpoint"/>): NumPy's
    /// <c>Generator.integers(low, high, size=n, dtype=np.uint32, endpoint=endpoint)</c>. Allocates nothing.
    /// </summary>
    /// <param name="low">Lowest value that can be drawn.</param>
    /// <param name="high">One above the highest value, or the highest value when <paramref name="endpoint"/> is true.</param>
    /// <param name="destination">The span to fill; its whole length is written.</param>
    /// <param name="endpoint">True to include <paramref name="high"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="low"/> &gt;= <paramref name="high"/> (&gt; when <paramref name="endpoint"/> is true).</exception>
    public void Integers(uint low, uint high, Span<uint> destination, bool endpoint = false)
    {
        uint range = (uint)ClosedRange(low, high, endpoint);
        BoundedIntegers.Fill32(_bitGenerator, _drawsDeriveFromUInt64, destination, low, range);
    }

    /// <summary>
    /// Returns a byte in [<paramref name="low"/>, <paramref name="high"/>) (or [low, high] with
    /// <paramref name="endpoint"/>): NumPy's <c>Generator.integers(low, high, dtype=np.uint8, endpoint=endpoint)</c>.
    /// Like NumPy, each call takes a fresh 32-bit draw and uses as many of its four bytes as rejection needs, dropping
    /// the rest, so n scalar calls differ from one span call of n (which uses all four bytes of each draw).
    /// <c>Integers((byte)0, (byte)255, true)</c> is the full range.
    /// </summary>
    /// <param name="low">Lowest value that can be drawn.</param>
    /// <param name="high">One above the highest value, or the highest value when <paramref name="endpoint"/> is true.</param>
    /// <param name="endpoint">True to include <paramref name="high"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="low"/> &gt;= <paramref name="high"/> (&gt; when <paramref name="endpoint"/> is true).</exception>
    public byte Integers(byte low, byte high, bool endpoint = false)
    {
        byte range = (byte)ClosedRange(low, high, endpoint);
        byte value = 0;
        BoundedIntegers.Fill8(_bitGenerator, new Span<byte>(ref value), low, range);
        return value;
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with bytes in [<paramref name="low"/>, <paramref name="high"/>) (or
    /// [low, high] with <paramref name="endpoint"/>): NumPy's
    /// <c>Generator.integers(low, high, size=n, dtype=np.uint8, endpoint=endpoint)</c>: four bytes per 32-bit draw, low
    /// byte first; bytes left in the last draw are dropped at the end of the call, as in NumPy. Allocates nothing.
    /// </summary>
    /// <param name="low">Lowest value that can be drawn.</param>
    /// <param name="high">One above the highest value, or the highest value when <paramref name="endpoint"/> is true.</param>
    /// <param name="destination">The span to fill; its whole length is written.</param>
    /// <param name="endpoint">True to include <paramref name="high"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="low"/> &gt;= <paramref name="high"/> (&gt; when <paramref name="endpoint"/> is true).</exception>
    public void Integers(byte low, byte high, Span<byte> destination, bool endpoint = false)
    {
        byte range = (byte)ClosedRange(low, high, endpoint);
        BoundedIntegers.Fill8(_bitGenerator, destination, low, range);
    }

    // NumPy's random_bounded_uint32_fill for one value.
    private uint Bounded32(uint range) => range switch
    {
        0 => 0,
        uint.MaxValue => _bitGenerator.NextUInt32(),
        _ => BoundedIntegers.Lemire32(_bitGenerator, range),
    };

    // The width of the closed range [low, high - !endpoint] minus one (NumPy's rng), after NumPy's checks.
    private static ulong ClosedRange(long low, long high, bool endpoint)
    {
        if (endpoint ? low > high : low >= high)
        {
            throw LowHighException(low, high, endpoint);
        }

        long highInclusive = endpoint ? high : high - 1;
        return (ulong)(highInclusive - low);
    }

    private static ulong ClosedRange(ulong low, ulong high, bool endpoint)
    {
        if (endpoint ? low > high : low >= high)
        {
            throw LowHighException(low, high, endpoint);
        }

        ulong highInclusive = endpoint ? high : high - 1;
        return highInclusive - low;
    }

    private static ArgumentOutOfRangeException LowHighException<T>(T low, T high, bool endpoint) =>
        endpoint
            ? new ArgumentOutOfRangeException(nameof(high), high, $"low > high: high must be at least low ({low}) when endpoint is true.")
            : new ArgumentOutOfRangeException(nameof(high), high, $"low >= high: high must be greater than low ({low}); pass endpoint: true to include high.");
}
