using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using Rng.Internal;

namespace Rng;

// NumPy 1.24's Generator.choice, shuffle and permutation, for one-dimensional populations.
public sealed partial class Generator
{
    // NumPy: p must sum to 1 within sqrt(float64 eps) = sqrt(2^-52) = 2^-26.
    private const double ProbabilityTolerance = 1.4901161193847656e-08;

    /// <summary>
    /// Returns one value drawn uniformly from 0 .. <paramref name="a"/> - 1: NumPy's <c>Generator.choice(a)</c>
    /// (the same value as <c>Integers(0L, a)</c>; with or without replacement makes no difference for one value).
    /// </summary>
    /// <param name="a">The population size; must be positive.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="a"/> is zero or negative.</exception>
    public long Choice(long a)
    {
        CheckPopulation(a, sampleCount: 1);
        return (long)BoundedIntegers.Bounded64(_bitGenerator, (ulong)(a - 1));
    }

    /// <summary>
    /// Returns one value from 0 .. <paramref name="a"/> - 1 drawn with the probabilities <paramref name="p"/>: NumPy's
    /// <c>Generator.choice(a, p=p)</c> (one <see cref="Random()"/> draw, looked up in the normalised cumulative sums of
    /// <paramref name="p"/>). For items with probabilities use <c>items[(int)Choice(items.Length, p)]</c>.
    /// </summary>
    /// <param name="a">The population size; must be positive.</param>
    /// <param name="p">One probability per value: non-negative, not NaN, summing to 1 within 2^-26 (about 1.5e-8).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="a"/> is zero or negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="p"/> has a length other than <paramref name="a"/>, or is not a probability vector.</exception>
    public long Choice(long a, ReadOnlySpan<double> p)
    {
        CheckPopulation(a, sampleCount: 1);
        CheckProbabilities(p, a);
        return ChooseOneWithProbabilities(p);
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with values from 0 .. <paramref name="a"/> - 1: NumPy's
    /// <c>Generator.choice(a, size=n, replace=replace, shuffle=shuffle)</c>. With replacement the values are
    /// <c>Integers(0L, a)</c>; without, they are distinct, by NumPy's algorithms: Floyd's, or, when the population
    /// exceeds 10000 and the sample is more than a fiftieth of it (a twentieth when <paramref name="shuffle"/> is
    /// false), a partial shuffle of the whole population, which takes temporary memory for <paramref name="a"/> indices.
    /// </summary>
    /// <param name="a">The population size; positive unless <paramref name="destination"/> is empty.</param>
    /// <param name="destination">The span to fill; its length is the sample size.</param>
    /// <param name="replace">True to sample with replacement (the default), false for distinct values.</param>
    /// <param name="shuffle">Without replacement: true (the default) for a random order, false for NumPy's faster,
    /// not fully shuffled order. Ignored with replacement.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="a"/> is not positive while values are wanted;
    /// without replacement, more values are wanted than <paramref name="a"/>, or NumPy's partial shuffle would need an
    /// index array of <paramref name="a"/> (more than <see cref="Array.MaxLength"/>) elements (NumPy runs out of memory there).</exception>
    public void Choice(long a, Span<long> destination, bool replace = true, bool shuffle = true)
    {
        CheckPopulation(a, destination.Length);
        if (replace)
        {
            if (destination.Length > 0)
            {
                BoundedIntegers.Fill64(_bitGenerator, _drawsDeriveFromUInt64, MemoryMarshal.Cast<long, ulong>(destination), 0, (ulong)(a - 1));
            }

            return;
        }

        CheckSampleWithoutReplacement(a, destination.Length);
        ChooseWithoutReplacement(destination, a, shuffle);
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with values from 0 .. <paramref name="a"/> - 1 drawn with the probabilities
    /// <paramref name="p"/>: NumPy's <c>Generator.choice(a, size=n, replace=replace, p=p)</c>. With replacement, one
    /// <see cref="Random()"/> draw per value looked up in the cumulative sums; without, NumPy's loop that draws, keeps
    /// the new distinct values in order of first appearance, zeroes their probabilities and renormalises.
    /// </summary>
    /// <param name="a">The population size; positive unless <paramref name="destination"/> is empty.</param>
    /// <param name="destination">The span to fill; its length is the sample size.</param>
    /// <param name="p">One probability per value: non-negative, not NaN, summing to 1 within 2^-26 (about 1.5e-8).</param>
    /// <param name="replace">True to sample with replacement (the default), false for distinct values.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="a"/> is not positive while values are wanted, or
    /// without replacement more values are wanted than <paramref name="a"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="p"/> has a length other than <paramref name="a"/>, is not a
    /// probability vector, or (without replacement) has fewer non-zero entries than values wanted.</exception>
    public void Choice(long a, Span<long> destination, ReadOnlySpan<double> p, bool replace = true)
    {
        CheckPopulation(a, destination.Length);
        CheckProbabilities(p, a);
        if (replace)
        {
            ChooseWithProbabilities(destination, p);
            return;
        }

        CheckSampleWithoutReplacement(a, destination.Length);
        ChooseWithoutReplacement(destination, p);
    }

    /// <summary>
    /// Returns <paramref name="size"/> values from 0 .. <paramref name="a"/> - 1: NumPy's
    /// <c>Generator.choice(a, size, replace, shuffle=shuffle)</c>; see <see cref="Choice(long, Span{long}, bool, bool)"/>.
    /// </summary>
    /// <param name="a">The population size; positive unless <paramref name="size"/> is 0.</param>
    /// <param name="size">How many values; must be non-negative.</param>
    /// <param name="replace">True to sample with replacement (the default), false for distinct values.</param>
    /// <param name="shuffle">Without replacement: true (the default) for a random order. Ignored with replacement.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative, <paramref name="a"/> is not
    /// positive while values are wanted, or without replacement <paramref name="size"/> exceeds <paramref name="a"/>.</exception>
    public long[] Choice(long a, int size, bool replace = true, bool shuffle = true)
    {
        var values = new long[CheckSize(size)];
        Choice(a, values, replace, shuffle);
        return values;
    }

    /// <summary>
    /// Returns <paramref name="size"/> values from 0 .. <paramref name="a"/> - 1 drawn with the probabilities
    /// <paramref name="p"/>: NumPy's <c>Generator.choice(a, size, replace, p)</c>; see
    /// <see cref="Choice(long, Span{long}, ReadOnlySpan{double}, bool)"/>.
    /// </summary>
    /// <param name="a">The population size; positive unless <paramref name="size"/> is 0.</param>
    /// <param name="size">How many values; must be non-negative.</param>
    /// <param name="p">One probability per value: non-negative, not NaN, summing to 1 within 2^-26 (about 1.5e-8).</param>
    /// <param name="replace">True to sample with replacement (the default), false for distinct values.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative, <paramref name="a"/> is not
    /// positive while values are wanted, or without replacement <paramref name="size"/> exceeds <paramref name="a"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="p"/> is not a probability vector of length <paramref name="a"/>,
    /// or (without replacement) has fewer non-zero entries than <paramref name="size"/>.</exception>
    public long[] Choice(long a, int size, ReadOnlySpan<double> p, bool replace = true)
    {
        var values = new long[CheckSize(size)];
        Choice(a, values, p, replace);
        return values;
    }

    /// <summary>Returns one item of <paramref name="items"/> drawn uniformly: NumPy's <c>Generator.choice(items)</c>.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The population; must not be empty.</param>
    /// <exception cref="ArgumentException"><paramref name="items"/> is empty.</exception>
    public T Choice<T>(ReadOnlySpan<T> items)
    {
        CheckItems(items.Length, sampleCount: 1);
        return items[(int)BoundedIntegers.Bounded64(_bitGenerator, (ulong)(items.Length - 1))];
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with items of <paramref name="items"/>: NumPy's
    /// <c>Generator.choice(items, size=n, replace=replace, shuffle=shuffle)</c>, i.e. the items at the indices that
    /// <see cref="Choice(long, Span{long}, bool, bool)"/> draws for <c>a = items.Length</c>.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The population; must not be empty unless <paramref name="destination"/> is.</param>
    /// <param name="destination">The span to fill; its length is the sample size.</param>
    /// <param name="replace">True to sample with replacement (the default), false for distinct positions.</param>
    /// <param name="shuffle">Without replacement: true (the default) for a random order. Ignored with replacement.</param>
    /// <exception cref="ArgumentException"><paramref name="items"/> is empty while values are wanted.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Without replacement, more values are wanted than there are items.</exception>
    public void Choice<T>(ReadOnlySpan<T> items, Span<T> destination, bool replace = true, bool shuffle = true)
    {
        CheckItems(items.Length, destination.Length);
        long[] indices = ArrayPool<long>.Shared.Rent(destination.Length);
        try
        {
            Span<long> picked = indices.AsSpan(0, destination.Length);
            Choice(items.Length, picked, replace, shuffle);
            Gather(items, picked, destination);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(indices);
        }
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with items of <paramref name="items"/> drawn with the probabilities
    /// <paramref name="p"/>: NumPy's <c>Generator.choice(items, size=n, replace=replace, p=p)</c>.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The population; must not be empty unless <paramref name="destination"/> is.</param>
    /// <param name="destination">The span to fill; its length is the sample size.</param>
    /// <param name="p">One probability per item: non-negative, not NaN, summing to 1 within 2^-26 (about 1.5e-8).</param>
    /// <param name="replace">True to sample with replacement (the default), false for distinct positions.</param>
    /// <exception cref="ArgumentException"><paramref name="items"/> is empty while values are wanted, or
    /// <paramref name="p"/> is not a probability vector of the same length, or (without replacement) has fewer non-zero
    /// entries than values wanted.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Without replacement, more values are wanted than there are items.</exception>
    public void Choice<T>(ReadOnlySpan<T> items, Span<T> destination, ReadOnlySpan<double> p, bool replace = true)
    {
        CheckItems(items.Length, destination.Length);
        long[] indices = ArrayPool<long>.Shared.Rent(destination.Length);
        try
        {
            Span<long> picked = indices.AsSpan(0, destination.Length);
            Choice(items.Length, picked, p, replace);
            Gather(items, picked, destination);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(indices);
        }
    }

    /// <summary>
    /// Returns <paramref name="size"/> items of <paramref name="items"/>: NumPy's
    /// <c>Generator.choice(items, size, replace, shuffle=shuffle)</c>.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The population; must not be empty unless <paramref name="size"/> is 0.</param>
    /// <param name="size">How many items; must be non-negative.</param>
    /// <param name="replace">True to sample with replacement (the default), false for distinct positions.</param>
    /// <param name="shuffle">Without replacement: true (the default) for a random order. Ignored with replacement.</param>
    /// <exception cref="ArgumentException"><paramref name="items"/> is empty while values are wanted.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative, or without replacement exceeds the number of items.</exception>
    public T[] Choice<T>(ReadOnlySpan<T> items, int size, bool replace = true, bool shuffle = true)
    {
        var values = new T[CheckSize(size)];
        Choice(items, values.AsSpan(), replace, shuffle);
        return values;
    }

    /// <summary>
    /// Returns <paramref name="size"/> items of <paramref name="items"/> drawn with the probabilities
    /// <paramref name="p"/>: NumPy's <c>Generator.choice(items, size, replace, p)</c>.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="items">The population; must not be empty unless <paramref name="size"/> is 0.</param>
    /// <param name="size">How many items; must be non-negative.</param>
    /// <param name="p">One probability per item: non-negative, not NaN, summing to 1 within 2^-26 (about 1.5e-8).</param>
    /// <param name="replace">True to sample with replacement (the default), false for distinct positions.</param>
    /// <exception cref="ArgumentException"><paramref name="items"/> is empty while values are wanted, or
    /// <paramref name="p"/> is not a probability vector of the same length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative, or without replacement exceeds the number of items.</exception>
    public T[] Choice<T>(ReadOnlySpan<T> items, int size, ReadOnlySpan<double> p, bool replace = true)
    {
        var values = new T[CheckSize(size)];
        Choice(items, values.AsSpan(), p, replace);
        return values;
    }

    /// <summary>
    /// Shuffles <paramref name="values"/> in place: NumPy's <c>Generator.shuffle(x)</c> for a one-dimensional array,
    /// a Fisher-Yates pass from the end that swaps item i with item <c>random_interval(i)</c> (masked rejection on
    /// 32-bit draws) for i = n - 1 down to 1. Allocates nothing.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="values">The items to shuffle; empty and one-item spans draw nothing.</param>
    [SkipLocalsInit]
    public void Shuffle<T>(Span<T> values)
    {
        if (values.Length <= 1)
        {
            return;
        }

        Span<ulong> block = stackalloc ulong[BoundedIntegers.BlockWords];
        var draws = new UInt32Draws(_bitGenerator, block, _drawsDeriveFromUInt64);
        ref T start = ref MemoryMarshal.GetReference(values);
        int i = values.Length - 1;
        if ((long)values.Length * Unsafe.SizeOf<T>() > ShuffleCachedBytes)
        {
            // Too large for the caches: the swap partners depend only on the draws, so draw a batch of them first and
            // prefetch their cache lines, so that the swaps do not each wait on memory.
            Span<int> partners = stackalloc int[ShuffleBatch];
            while (i >= 1)
            {
                int first = i;
                int count = 0;
                for (; count < ShuffleBatch && i >= 1; count++, i--)
                {
                    int j = Interval(ref draws, i);
                    partners[count] = j;
                    Prefetch(ref Unsafe.Add(ref start, j));
                }

                for (int k = 0; k < count; k++)
                {
                    ref T a = ref Unsafe.Add(ref start, first - k);
                    ref T b = ref Unsafe.Add(ref start, partners[k]);
                    (a, b) = (b, a);
                }
            }

            return;
        }

        for (; i >= 1; i--)
        {
            ref T a = ref Unsafe.Add(ref start, i);
            ref T b = ref Unsafe.Add(ref start, Interval(ref draws, i));
            (a, b) = (b, a);
        }
    }

    // NumPy's random_interval(i) for 1 <= i < 2^31: masked rejection on 32-bit draws.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Interval(ref UInt32Draws draws, int i)
    {
        uint mask = uint.MaxValue >> BitOperations.LeadingZeroCount((uint)i);
        uint j;
        while ((j = draws.Next(i) & mask) > (uint)i)
        {
        }

        return (int)j;
    }

    // Shuffle prefetches swap partners for spans larger than this (about an L2 cache).
    private const long ShuffleCachedBytes = 1 << 19;

    // Swap partners drawn ahead in Shuffle.
    private const int ShuffleBatch = 256;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Prefetch<T>(ref T item)
    {
        if (Sse.IsSupported)
        {
            // A hint only: prefetching never faults, and a stale address after a GC move merely wastes it.
            Sse.Prefetch0(Unsafe.AsPointer(ref item));
        }
    }

    /// <summary>
    /// Returns 0 .. <paramref name="n"/> - 1 in random order: NumPy's <c>Generator.permutation(n)</c>
    /// (<c>arange(n)</c> then <see cref="Shuffle{T}(Span{T})"/>).
    /// </summary>
    /// <param name="n">How many values; must be non-negative (NumPy returns an empty array for negative n; this throws).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative.</exception>
    public int[] Permutation(int n)
    {
        if (n < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "The number of values to permute must be non-negative.");
        }

        var values = new int[n];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = i;
        }

        Shuffle<int>(values);
        return values;
    }

    /// <summary>
    /// Returns a shuffled copy of <paramref name="values"/>: NumPy's <c>Generator.permutation(x)</c> for a
    /// one-dimensional array; <paramref name="values"/> itself is not changed.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="values">The items to permute.</param>
    public T[] Permutation<T>(ReadOnlySpan<T> values)
    {
        T[] copy = values.ToArray();
        Shuffle<T>(copy);
        return copy;
    }

    private static int CheckSize(int size)
    {
        if (size < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "The sample size must be non-negative.");
        }

        return size;
    }

    private static void Gather<T>(ReadOnlySpan<T> items, ReadOnlySpan<long> indices, Span<T> destination)
    {
        for (int i = 0; i < indices.Length; i++)
        {
            destination[i] = items[(int)indices[i]];
        }
    }

    private static void CheckPopulation(long a, long sampleCount)
    {
        if (a <= 0 && sampleCount != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(a), a, "a must be a positive integer unless no samples are taken.");
        }
    }

    private static void CheckItems(int count, long sampleCount)
    {
        if (count == 0 && sampleCount != 0)
        {
            throw new ArgumentException("a cannot be empty unless no samples are taken: the items span is empty.", "items");
        }
    }

    private static void CheckSampleWithoutReplacement(long a, int size)
    {
        if (size > a)
        {
            throw new ArgumentOutOfRangeException("size", size,
                $"Cannot take a larger sample than population when replace is False: {size} values wanted from a population of {a}.");
        }
    }

    // NumPy's checks, in NumPy's order: length, NaN (via the Kahan sum), negative entries, sum within tolerance.
    private static void CheckProbabilities(ReadOnlySpan<double> p, long populationSize)
    {
        if (p.Length != populationSize)
        {
            throw new ArgumentException($"a and p must have same size: p has {p.Length} entries for a population of {populationSize}.", nameof(p));
        }

        double sum = KahanSum(p);
        if (double.IsNaN(sum))
        {
            throw new ArgumentException("probabilities contain NaN: every entry of p must be a finite number (an infinite entry also makes the sum NaN).", nameof(p));
        }

        for (int i = 0; i < p.Length; i++)
        {
            if (p[i] < 0)
            {
                throw new ArgumentException($"probabilities are not non-negative: p[{i}] = {p[i]}.", nameof(p));
            }
        }

        if (Math.Abs(sum - 1.0) > ProbabilityTolerance)
        {
            throw new ArgumentException($"probabilities do not sum to 1: they sum to {sum:R}, more than {ProbabilityTolerance:R} away from 1.", nameof(p));
        }
    }

    // NumPy's kahan_sum (an empty span sums to 0; NumPy reads past its end).
    private static double KahanSum(ReadOnlySpan<double> values)
    {
        if (values.Length == 0)
        {
            return 0.0;
        }

        double sum = values[0];
        double compensation = 0.0;
        for (int i = 1; i < values.Length; i++)
        {
            double y = values[i] - compensation;
            double t = sum + y;
            compensation = (t - sum) - y;
            sum = t;
        }

        return sum;
    }

    // NumPy: cdf = p.cumsum(); cdf /= cdf[-1]; cdf.searchsorted(random(), side='right').
    private long ChooseOneWithProbabilities(ReadOnlySpan<double> p)
    {
        double[] cdf = ArrayPool<double>.Shared.Rent(p.Length);
        try
        {
            Span<double> sums = cdf.AsSpan(0, p.Length);
            NormalisedCumulativeSums(p, sums);
            return SearchSortedRight(sums, _bitGenerator.NextDouble());
        }
        finally
        {
            ArrayPool<double>.Shared.Return(cdf);
        }
    }

    private void ChooseWithProbabilities(Span<long> destination, ReadOnlySpan<double> p)
    {
        if (destination.Length == 0)
        {
            return;
        }

        double[] cdf = ArrayPool<double>.Shared.Rent(p.Length);
        double[] uniforms = ArrayPool<double>.Shared.Rent(destination.Length);
        try
        {
            Span<double> sums = cdf.AsSpan(0, p.Length);
            NormalisedCumulativeSums(p, sums);
            Span<double> u = uniforms.AsSpan(0, destination.Length);
            Random(u);
            for (int i = 0; i < u.Length; i++)
            {
                destination[i] = SearchSortedRight(sums, u[i]);
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(cdf);
            ArrayPool<double>.Shared.Return(uniforms);
        }
    }

    // NumPy 1.24's choice(replace=False, p=p): draw size - found uniforms, zero the found entries of p, renormalise,
    // look the uniforms up, keep the new distinct indices in order of first appearance; repeat until size are found.
    // Every round finds at least one new index (found entries have zero weight and cannot be looked up), so it ends.
    private void ChooseWithoutReplacement(Span<long> destination, ReadOnlySpan<double> p)
    {
        int size = destination.Length;
        int nonZero = 0;
        foreach (double weight in p)
        {
            if (weight > 0)
            {
                nonZero++;
            }
        }

        if (nonZero < size)
        {
            throw new ArgumentException($"Fewer non-zero entries in p than size: {nonZero} non-zero probabilities for {size} distinct values.", nameof(p));
        }

        if (size == 0)
        {
            return;
        }

        double[] weightsArray = ArrayPool<double>.Shared.Rent(p.Length);
        double[] cdfArray = ArrayPool<double>.Shared.Rent(p.Length);
        double[] uniformsArray = ArrayPool<double>.Shared.Rent(size);
        var seen = new HashSet<long>();
        try
        {
            Span<double> weights = weightsArray.AsSpan(0, p.Length);
            p.CopyTo(weights);
            Span<double> cdf = cdfArray.AsSpan(0, p.Length);
            int found = 0;
            while (found < size)
            {
                Span<double> u = uniformsArray.AsSpan(0, size - found);
                Random(u);
                for (int i = 0; i < found; i++)
                {
                    weights[(int)destination[i]] = 0.0;
                }

                NormalisedCumulativeSums(weights, cdf);
                seen.Clear();
                int newCount = 0;
                for (int i = 0; i < u.Length; i++)
                {
                    long index = SearchSortedRight(cdf, u[i]);
                    if (seen.Add(index))
                    {
                        destination[found + newCount] = index;
                        newCount++;
                    }
                }

                found += newCount;
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(weightsArray);
            ArrayPool<double>.Shared.Return(cdfArray);
            ArrayPool<double>.Shared.Return(uniformsArray);
        }
    }

    // NumPy's cumsum (sequential adds) then division of every entry by the last.
    private static void NormalisedCumulativeSums(ReadOnlySpan<double> p, Span<double> cdf)
    {
        double running = 0.0;
        for (int i = 0; i < p.Length; i++)
        {
            running = i == 0 ? p[0] : running + p[i];
            cdf[i] = running;
        }

        double total = cdf[^1];
        for (int i = 0; i < cdf.Length; i++)
        {
            cdf[i] /= total;
        }
    }

    // numpy.searchsorted(cdf, x, side='right'): the number of entries <= x.
    private static long SearchSortedRight(ReadOnlySpan<double> cdf, double x)
    {
        int low = 0;
        int high = cdf.Length;
        while (low < high)
        {
            int mid = low + ((high - low) >> 1);
            if (cdf[mid] <= x)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    [SkipLocalsInit]
    private void ChooseWithoutReplacement(Span<long> destination, long popSize, bool shuffle)
    {
        long size = destination.Length;
        long cutoff = shuffle ? 50 : 20;
        Span<ulong> block = stackalloc ulong[BoundedIntegers.BlockWords];
        var draws = new UInt32Draws(_bitGenerator, block, _drawsDeriveFromUInt64);
        if (popSize > 10000 && size > popSize / cutoff)
        {
            TailShuffle(destination, popSize, ref draws);
            return;
        }

        // Floyd's algorithm with NumPy's open-addressing set: capacity the power of two above 1.2 * size.
        ulong mask = BoundedIntegers.GenMask((ulong)(1.2 * size));
        const ulong Empty = ulong.MaxValue;
        ulong[] setArray = ArrayPool<ulong>.Shared.Rent(checked((int)(mask + 1)));
        try
        {
            Span<ulong> set = setArray.AsSpan(0, (int)(mask + 1));
            set.Fill(Empty);
            long last32 = Math.Min(popSize - 1, uint.MaxValue); // the last j drawn with 32-bit draws
            for (long j = popSize - size; j < popSize; j++)
            {
                ulong value = j == 0 ? 0
                    : j <= last32 ? BoundedOnBlock(ref draws, (uint)j, last32 - j + 1)
                    : BoundedIntegers.Bounded64(_bitGenerator, (ulong)j);
                ulong loc = value & mask;
                while (set[(int)loc] != Empty && set[(int)loc] != value)
                {
                    loc = (loc + 1) & mask;
                }

                if (set[(int)loc] == Empty)
                {
                    set[(int)loc] = value;
                    destination[(int)(j - popSize + size)] = (long)value;
                }
                else
                {
                    loc = (ulong)j & mask;
                    while (set[(int)loc] != Empty)
                    {
                        loc = (loc + 1) & mask;
                    }

                    set[(int)loc] = (ulong)j;
                    destination[(int)(j - popSize + size)] = j;
                }
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(setArray);
        }

        if (shuffle)
        {
            // NumPy's _shuffle_int: bounded (Lemire) draws, unlike Shuffle's masked ones.
            for (int i = destination.Length - 1; i >= 1; i--)
            {
                int j = (int)BoundedOnBlock(ref draws, (uint)i, i);
                (destination[i], destination[j]) = (destination[j], destination[i]);
            }
        }
    }

    // NumPy: idx = arange(pop); _shuffle_int(pop, first = max(pop - size, 1)); return idx[pop - size:].
    private void TailShuffle(Span<long> destination, long popSize, ref UInt32Draws draws)
    {
        if (popSize > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException("a", popSize,
                $"Sampling {destination.Length} of {popSize} without replacement needs an index array of the whole population (NumPy's algorithm), larger than .NET arrays allow; ask for at most {popSize / 50} values.");
        }

        int pop = (int)popSize;
        int size = destination.Length;
        int[] indexArray = ArrayPool<int>.Shared.Rent(pop);
        try
        {
            Span<int> index = indexArray.AsSpan(0, pop);
            for (int i = 0; i < pop; i++)
            {
                index[i] = i;
            }

            int first = Math.Max(pop - size, 1);
            for (int i = pop - 1; i >= first; i--)
            {
                int j = (int)BoundedOnBlock(ref draws, (uint)i, i - first + 1);
                (index[i], index[j]) = (index[j], index[i]);
            }

            Span<int> tail = index[(pop - size)..];
            for (int i = 0; i < size; i++)
            {
                destination[i] = tail[i];
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(indexArray);
        }
    }

    // random_bounded_uint64(0, rng) for 1 <= rng <= 2^32 - 1, on block draws; threshold computed only when needed.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint BoundedOnBlock(ref UInt32Draws draws, uint rng, long outputsLeft)
    {
        if (rng == uint.MaxValue)
        {
            return draws.Next(outputsLeft);
        }

        uint rngExcl = rng + 1;
        ulong m = (ulong)draws.Next(outputsLeft) * rngExcl;
        if ((uint)m < rngExcl)
        {
            uint threshold = (uint.MaxValue - rng) % rngExcl;
            while ((uint)m < threshold)
            {
                m = (ulong)draws.Next(outputsLeft) * rngExcl;
            }
        }

        return (uint)(m >> 32);
    }
}
