namespace Rng;

/// <summary>
/// Parallel loops in which every work item draws from its own independent stream, so the results are the same for
/// any <see cref="ParallelOptions.MaxDegreeOfParallelism"/>, any scheduling and any machine.
/// </summary>
/// <remarks>
/// <para>
/// A loop over n items spawns n children of <c>root</c>, exactly as <c>root.Spawn(n)</c> does, and item i (counted from 0
/// in source order, or from <c>fromInclusive</c> in <c>For</c>) gets <c>new Generator(new Pcg64(root.Spawn(n)[i]))</c>,
/// or the bit generator that <c>bitGeneratorFactory</c> builds from that child. In Python the same item is
/// <c>np.random.default_rng(SeedSequence(entropy, spawn_key=key, n_children_spawned=k).spawn(n)[i])</c>, where
/// <c>entropy</c> and <c>key</c> are <c>root.Entropy</c> and <c>root.SpawnKey</c> and k is
/// <c>root.ChildrenSpawned</c> before the loop (0 for a fresh root). The children are built lazily, one per item, so
/// a long loop does not hold n sequences in memory.
/// </para>
/// <para>
/// The loop advances <c>root.ChildrenSpawned</c> by n as soon as its arguments are valid (also when the loop is then
/// cancelled or fails), as NumPy's <c>spawn</c> would: running a loop twice on the same root gives the second run new,
/// different streams. To repeat a run, start from an equal root (e.g. <c>new SeedSequence(seed)</c> again).
/// </para>
/// <para>
/// Exceptions and cancellation behave as in <see cref="Parallel"/>: exceptions thrown by the body are collected in an
/// <see cref="AggregateException"/> (the returned task's exception for <c>ForEachAsync</c>), and a cancelled
/// <see cref="ParallelOptions.CancellationToken"/> ends the loop with an <see cref="OperationCanceledException"/>.
/// </para>
/// <para>
/// Thread-safety: each item's generator belongs to that item alone; do not share it with other items. Loops over
/// different roots may run at the same time, but two loops (or a loop and <see cref="SeedSequence.Spawn(int)"/>) must
/// not use the same root at the same time. For a nested loop inside an item, use the item's own sequence,
/// <c>rng.BitGenerator.SeedSequence</c>, as the inner root.
/// </para>
/// </remarks>
public static class ParallelRandom
{
    /// <summary>
    /// Runs <paramref name="body"/> for every i in [<paramref name="fromInclusive"/>, <paramref name="toExclusive"/>)
    /// in parallel, giving iteration i the generator of child i - <paramref name="fromInclusive"/> of n =
    /// <paramref name="toExclusive"/> - <paramref name="fromInclusive"/> children of <paramref name="root"/>, over
    /// <see cref="Pcg64"/>. Python: <c>default_rng(SeedSequence(entropy, spawn_key=key).spawn(n)[i - fromInclusive])</c>.
    /// </summary>
    /// <param name="fromInclusive">The first index.</param>
    /// <param name="toExclusive">One past the last index; at least <paramref name="fromInclusive"/>.</param>
    /// <param name="root">The sequence whose children seed the iterations; its <see cref="SeedSequence.ChildrenSpawned"/> advances by n.</param>
    /// <param name="body">Called once per index with that index's own generator.</param>
    /// <returns>The loop's completion state, as <see cref="Parallel.For(int, int, Action{int})"/> returns it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="root"/> or <paramref name="body"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="toExclusive"/> is less than <paramref name="fromInclusive"/>
    /// (unlike <see cref="Parallel"/>, a reversed range is an error, not an empty loop), or <paramref name="root"/>
    /// cannot spawn n more children (its counter is limited to <see cref="int.MaxValue"/>).</exception>
    /// <exception cref="AggregateException">The body threw; the exceptions of every failed iteration are inside.</exception>
    public static ParallelLoopResult For(int fromInclusive, int toExclusive, SeedSequence root, Action<int, Generator> body) =>
        ForCore(fromInclusive, toExclusive, root, bitGeneratorFactory: null, new ParallelOptions(), body);

    /// <summary>
    /// Runs <paramref name="body"/> for every i in [<paramref name="fromInclusive"/>, <paramref name="toExclusive"/>)
    /// in parallel with <paramref name="parallelOptions"/>, giving iteration i the generator of child
    /// i - <paramref name="fromInclusive"/> of n children of <paramref name="root"/>, over <see cref="Pcg64"/>.
    /// Python: <c>default_rng(SeedSequence(entropy, spawn_key=key).spawn(n)[i - fromInclusive])</c>.
    /// </summary>
    /// <param name="fromInclusive">The first index.</param>
    /// <param name="toExclusive">One past the last index; at least <paramref name="fromInclusive"/>.</param>
    /// <param name="root">The sequence whose children seed the iterations; its <see cref="SeedSequence.ChildrenSpawned"/> advances by n.</param>
    /// <param name="parallelOptions">Degree of parallelism, scheduler and cancellation; they never change the results.</param>
    /// <param name="body">Called once per index with that index's own generator.</param>
    /// <returns>The loop's completion state.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="root"/>, <paramref name="parallelOptions"/> or <paramref name="body"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="toExclusive"/> is less than <paramref name="fromInclusive"/>, or <paramref name="root"/> cannot spawn n more children.</exception>
    /// <exception cref="OperationCanceledException">The options' cancellation token was cancelled.</exception>
    /// <exception cref="AggregateException">The body threw; the exceptions of every failed iteration are inside.</exception>
    public static ParallelLoopResult For(int fromInclusive, int toExclusive, SeedSequence root, ParallelOptions parallelOptions, Action<int, Generator> body) =>
        ForCore(fromInclusive, toExclusive, root, bitGeneratorFactory: null, parallelOptions, body);

    /// <summary>
    /// Runs <paramref name="body"/> for every i in [<paramref name="fromInclusive"/>, <paramref name="toExclusive"/>)
    /// in parallel, giving iteration i a generator over <c>bitGeneratorFactory(child)</c>, where child is child
    /// i - <paramref name="fromInclusive"/> of n children of <paramref name="root"/>. With
    /// <c>s =&gt; new Philox(s)</c> the Python line is
    /// <c>Generator(Philox(SeedSequence(entropy, spawn_key=key).spawn(n)[i - fromInclusive]))</c>.
    /// </summary>
    /// <param name="fromInclusive">The first index.</param>
    /// <param name="toExclusive">One past the last index; at least <paramref name="fromInclusive"/>.</param>
    /// <param name="root">The sequence whose children seed the iterations; its <see cref="SeedSequence.ChildrenSpawned"/> advances by n.</param>
    /// <param name="bitGeneratorFactory">Builds the bit generator seeded from the child sequence it is given, e.g.
    /// <c>s =&gt; new Philox(s)</c>; called once per iteration, possibly from several threads at once.</param>
    /// <param name="parallelOptions">Degree of parallelism, scheduler and cancellation; they never change the results.</param>
    /// <param name="body">Called once per index with that index's own generator.</param>
    /// <returns>The loop's completion state.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="toExclusive"/> is less than <paramref name="fromInclusive"/>, or <paramref name="root"/> cannot spawn n more children.</exception>
    /// <exception cref="OperationCanceledException">The options' cancellation token was cancelled.</exception>
    /// <exception cref="AggregateException">The body or the factory threw (an <see cref="InvalidOperationException"/> inside
    /// if the factory returned null); the exceptions of every failed iteration are inside.</exception>
    public static ParallelLoopResult For(
        int fromInclusive,
        int toExclusive,
        SeedSequence root,
        Func<SeedSequence, BitGenerator> bitGeneratorFactory,
        ParallelOptions parallelOptions,
        Action<int, Generator> body)
    {
        ArgumentNullException.ThrowIfNull(bitGeneratorFactory);
        return ForCore(fromInclusive, toExclusive, root, bitGeneratorFactory, parallelOptions, body);
    }

    /// <summary>
    /// Runs <paramref name="body"/> for every item of <paramref name="source"/> in parallel, giving the item at index i
    /// (source order) the generator of child i of n children of <paramref name="root"/>, over <see cref="Pcg64"/>.
    /// Python: <c>default_rng(SeedSequence(entropy, spawn_key=key).spawn(n)[i])</c>.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="source">The items; enumerated once, up front on the calling thread, to count them (an <see cref="IList{T}"/> is read in place).</param>
    /// <param name="root">The sequence whose children seed the items; its <see cref="SeedSequence.ChildrenSpawned"/> advances by n.</param>
    /// <param name="body">Called once per item with the item, its index and its own generator.</param>
    /// <returns>The loop's completion state.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/>, <paramref name="root"/> or <paramref name="body"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="root"/> cannot spawn n more children.</exception>
    /// <exception cref="AggregateException">The body threw; the exceptions of every failed item are inside.</exception>
    public static ParallelLoopResult ForEach<T>(IEnumerable<T> source, SeedSequence root, Action<T, long, Generator> body) =>
        ForEachCore(source, root, bitGeneratorFactory: null, new ParallelOptions(), body);

    /// <summary>
    /// Runs <paramref name="body"/> for every item of <paramref name="source"/> in parallel with
    /// <paramref name="parallelOptions"/>, giving the item at index i the generator of child i of n children of
    /// <paramref name="root"/>, over <see cref="Pcg64"/>. Python: <c>default_rng(SeedSequence(entropy, spawn_key=key).spawn(n)[i])</c>.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="source">The items; enumerated once, up front on the calling thread, to count them (an <see cref="IList{T}"/> is read in place).</param>
    /// <param name="root">The sequence whose children seed the items; its <see cref="SeedSequence.ChildrenSpawned"/> advances by n.</param>
    /// <param name="parallelOptions">Degree of parallelism, scheduler and cancellation; they never change the results.</param>
    /// <param name="body">Called once per item with the item, its index and its own generator.</param>
    /// <returns>The loop's completion state.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="root"/> cannot spawn n more children.</exception>
    /// <exception cref="OperationCanceledException">The options' cancellation token was cancelled.</exception>
    /// <exception cref="AggregateException">The body threw; the exceptions of every failed item are inside.</exception>
    public static ParallelLoopResult ForEach<T>(IEnumerable<T> source, SeedSequence root, ParallelOptions parallelOptions, Action<T, long, Generator> body) =>
        ForEachCore(source, root, bitGeneratorFactory: null, parallelOptions, body);

    /// <summary>
    /// Runs <paramref name="body"/> for every item of <paramref name="source"/> in parallel, giving the item at index i
    /// a generator over <c>bitGeneratorFactory(child)</c>, where child is child i of n children of <paramref name="root"/>.
    /// With <c>s =&gt; new Philox(s)</c> the Python line is <c>Generator(Philox(SeedSequence(entropy, spawn_key=key).spawn(n)[i]))</c>.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="source">The items; enumerated once, up front on the calling thread, to count them (an <see cref="IList{T}"/> is read in place).</param>
    /// <param name="root">The sequence whose children seed the items; its <see cref="SeedSequence.ChildrenSpawned"/> advances by n.</param>
    /// <param name="bitGeneratorFactory">Builds the bit generator seeded from the child sequence it is given; called once per item, possibly from several threads at once.</param>
    /// <param name="parallelOptions">Degree of parallelism, scheduler and cancellation; they never change the results.</param>
    /// <param name="body">Called once per item with the item, its index and its own generator.</param>
    /// <returns>The loop's completion state.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="root"/> cannot spawn n more children.</exception>
    /// <exception cref="OperationCanceledException">The options' cancellation token was cancelled.</exception>
    /// <exception cref="AggregateException">The body or the factory threw; the exceptions of every failed item are inside.</exception>
    public static ParallelLoopResult ForEach<T>(
        IEnumerable<T> source,
        SeedSequence root,
        Func<SeedSequence, BitGenerator> bitGeneratorFactory,
        ParallelOptions parallelOptions,
        Action<T, long, Generator> body)
    {
        ArgumentNullException.ThrowIfNull(bitGeneratorFactory);
        return ForEachCore(source, root, bitGeneratorFactory, parallelOptions, body);
    }

    /// <summary>
    /// Maps every item of <paramref name="source"/> in parallel and returns the results in source order; the item at
    /// index i gets the generator of child i of n children of <paramref name="root"/>, over <see cref="Pcg64"/>.
    /// Python: <c>[f(x, default_rng(s)) for x, s in zip(items, SeedSequence(entropy, spawn_key=key).spawn(n))]</c>.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="source">The items; enumerated once, up front on the calling thread, to count them (an <see cref="IList{T}"/> is read in place).</param>
    /// <param name="root">The sequence whose children seed the items; its <see cref="SeedSequence.ChildrenSpawned"/> advances by n.</param>
    /// <param name="selector">Called once per item with the item and its own generator.</param>
    /// <returns>The n results; result i belongs to item i whatever the scheduling.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/>, <paramref name="root"/> or <paramref name="selector"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="root"/> cannot spawn n more children.</exception>
    /// <exception cref="AggregateException">The selector threw; the exceptions of every failed item are inside.</exception>
    public static TResult[] Select<T, TResult>(IEnumerable<T> source, SeedSequence root, Func<T, Generator, TResult> selector) =>
        SelectCore(source, root, bitGeneratorFactory: null, new ParallelOptions(), selector);

    /// <summary>
    /// Maps every item of <paramref name="source"/> in parallel with <paramref name="parallelOptions"/> and returns the
    /// results in source order; the item at index i gets the generator of child i of n children of
    /// <paramref name="root"/>, over <see cref="Pcg64"/>. Python: <c>default_rng(SeedSequence(entropy, spawn_key=key).spawn(n)[i])</c>.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="source">The items; enumerated once, up front on the calling thread, to count them (an <see cref="IList{T}"/> is read in place).</param>
    /// <param name="root">The sequence whose children seed the items; its <see cref="SeedSequence.ChildrenSpawned"/> advances by n.</param>
    /// <param name="parallelOptions">Degree of parallelism, scheduler and cancellation; they never change the results.</param>
    /// <param name="selector">Called once per item with the item and its own generator.</param>
    /// <returns>The n results in source order.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="root"/> cannot spawn n more children.</exception>
    /// <exception cref="OperationCanceledException">The options' cancellation token was cancelled.</exception>
    /// <exception cref="AggregateException">The selector threw; the exceptions of every failed item are inside.</exception>
    public static TResult[] Select<T, TResult>(IEnumerable<T> source, SeedSequence root, ParallelOptions parallelOptions, Func<T, Generator, TResult> selector) =>
        SelectCore(source, root, bitGeneratorFactory: null, parallelOptions, selector);

    /// <summary>
    /// Maps every item of <paramref name="source"/> in parallel and returns the results in source order; the item at
    /// index i gets a generator over <c>bitGeneratorFactory(child)</c>, where child is child i of n children of
    /// <paramref name="root"/>. With <c>s =&gt; new Philox(s)</c> the Python line for item i is
    /// <c>Generator(Philox(SeedSequence(entropy, spawn_key=key).spawn(n)[i]))</c>.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="source">The items; enumerated once, up front on the calling thread, to count them (an <see cref="IList{T}"/> is read in place).</param>
    /// <param name="root">The sequence whose children seed the items; its <see cref="SeedSequence.ChildrenSpawned"/> advances by n.</param>
    /// <param name="bitGeneratorFactory">Builds the bit generator seeded from the child sequence it is given; called once per item, possibly from several threads at once.</param>
    /// <param name="parallelOptions">Degree of parallelism, scheduler and cancellation; they never change the results.</param>
    /// <param name="selector">Called once per item with the item and its own generator.</param>
    /// <returns>The n results in source order.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="root"/> cannot spawn n more children.</exception>
    /// <exception cref="OperationCanceledException">The options' cancellation token was cancelled.</exception>
    /// <exception cref="AggregateException">The selector or the factory threw; the exceptions of every failed item are inside.</exception>
    public static TResult[] Select<T, TResult>(
        IEnumerable<T> source,
        SeedSequence root,
        Func<SeedSequence, BitGenerator> bitGeneratorFactory,
        ParallelOptions parallelOptions,
        Func<T, Generator, TResult> selector)
    {
        ArgumentNullException.ThrowIfNull(bitGeneratorFactory);
        return SelectCore(source, root, bitGeneratorFactory, parallelOptions, selector);
    }

    /// <summary>
    /// Runs the asynchronous <paramref name="body"/> for every item of <paramref name="source"/> through
    /// <see cref="Parallel.ForEachAsync{TSource}(IEnumerable{TSource}, Func{TSource, CancellationToken, ValueTask})"/>,
    /// giving the item at index i the generator of child i of n children of <paramref name="root"/>, over
    /// <see cref="Pcg64"/>. Python: <c>default_rng(SeedSequence(entropy, spawn_key=key).spawn(n)[i])</c>.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="source">The items; enumerated once, up front on the calling thread, to count them (an <see cref="IList{T}"/> is read in place).</param>
    /// <param name="root">The sequence whose children seed the items; its <see cref="SeedSequence.ChildrenSpawned"/> advances by n.</param>
    /// <param name="body">Called once per item with the item, its index, its own generator and the loop's cancellation token.
    /// Keep the generator inside the item: it is not thread-safe, so do not use it from two continuations at once.</param>
    /// <returns>A task that completes when every item is done; it faults with every exception the bodies threw.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/>, <paramref name="root"/> or <paramref name="body"/> is null (thrown at once, not through the task).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="root"/> cannot spawn n more children.</exception>
    public static Task ForEachAsync<T>(IEnumerable<T> source, SeedSequence root, Func<T, long, Generator, CancellationToken, ValueTask> body) =>
        ForEachAsyncCore(source, root, bitGeneratorFactory: null, new ParallelOptions(), body);

    /// <summary>
    /// Runs the asynchronous <paramref name="body"/> for every item of <paramref name="source"/> through
    /// <see cref="Parallel.ForEachAsync{TSource}(IEnumerable{TSource}, CancellationToken, Func{TSource, CancellationToken, ValueTask})"/>,
    /// giving the item at index i the generator of child i of n children of <paramref name="root"/>, over
    /// <see cref="Pcg64"/>. Python: <c>default_rng(SeedSequence(entropy, spawn_key=key).spawn(n)[i])</c>.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="source">The items; enumerated once, up front on the calling thread, to count them (an <see cref="IList{T}"/> is read in place).</param>
    /// <param name="root">The sequence whose children seed the items; its <see cref="SeedSequence.ChildrenSpawned"/> advances by n.</param>
    /// <param name="cancellationToken">Cancels the loop; the task then ends cancelled (awaiting it throws <see cref="OperationCanceledException"/>).</param>
    /// <param name="body">Called once per item with the item, its index, its own generator and the loop's cancellation token.</param>
    /// <returns>A task that completes when every item is done; it faults with every exception the bodies threw.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/>, <paramref name="root"/> or <paramref name="body"/> is null (thrown at once).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="root"/> cannot spawn n more children.</exception>
    public static Task ForEachAsync<T>(IEnumerable<T> source, SeedSequence root, CancellationToken cancellationToken, Func<T, long, Generator, CancellationToken, ValueTask> body) =>
        ForEachAsyncCore(source, root, bitGeneratorFactory: null, new ParallelOptions { CancellationToken = cancellationToken }, body);

    /// <summary>
    /// Runs the asynchronous <paramref name="body"/> for every item of <paramref name="source"/> through
    /// <see cref="Parallel.ForEachAsync{TSource}(IEnumerable{TSource}, ParallelOptions, Func{TSource, CancellationToken, ValueTask})"/>,
    /// giving the item at index i the generator of child i of n children of <paramref name="root"/>, over
    /// <see cref="Pcg64"/>. Python: <c>default_rng(SeedSequence(entropy, spawn_key=key).spawn(n)[i])</c>.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="source">The items; enumerated once, up front on the calling thread, to count them (an <see cref="IList{T}"/> is read in place).</param>
    /// <param name="root">The sequence whose children seed the items; its <see cref="SeedSequence.ChildrenSpawned"/> advances by n.</param>
    /// <param name="parallelOptions">Degree of parallelism, scheduler and cancellation; they never change the results.</param>
    /// <param name="body">Called once per item with the item, its index, its own generator and the loop's cancellation token.</param>
    /// <returns>A task that completes when every item is done; it faults with every exception the bodies threw.</returns>
    /// <exception cref="ArgumentNullException">An argument is null (thrown at once).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="root"/> cannot spawn n more children.</exception>
    public static Task ForEachAsync<T>(IEnumerable<T> source, SeedSequence root, ParallelOptions parallelOptions, Func<T, long, Generator, CancellationToken, ValueTask> body) =>
        ForEachAsyncCore(source, root, bitGeneratorFactory: null, parallelOptions, body);

    /// <summary>
    /// Runs the asynchronous <paramref name="body"/> for every item of <paramref name="source"/> through
    /// <see cref="Parallel.ForEachAsync{TSource}(IEnumerable{TSource}, ParallelOptions, Func{TSource, CancellationToken, ValueTask})"/>,
    /// giving the item at index i a generator over <c>bitGeneratorFactory(child)</c>, where child is child i of n
    /// children of <paramref name="root"/>. With <c>s =&gt; new Philox(s)</c> the Python line is
    /// <c>Generator(Philox(SeedSequence(entropy, spawn_key=key).spawn(n)[i]))</c>.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="source">The items; enumerated once, up front on the calling thread, to count them (an <see cref="IList{T}"/> is read in place).</param>
    /// <param name="root">The sequence whose children seed the items; its <see cref="SeedSequence.ChildrenSpawned"/> advances by n.</param>
    /// <param name="bitGeneratorFactory">Builds the bit generator seeded from the child sequence it is given; called once per item, possibly from several threads at once.</param>
    /// <param name="parallelOptions">Degree of parallelism, scheduler and cancellation; they never change the results.</param>
    /// <param name="body">Called once per item with the item, its index, its own generator and the loop's cancellation token.</param>
    /// <returns>A task that completes when every item is done; it faults with every exception the bodies or the factory threw.</returns>
    /// <exception cref="ArgumentNullException">An argument is null (thrown at once).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="root"/> cannot spawn n more children.</exception>
    public static Task ForEachAsync<T>(
        IEnumerable<T> source,
        SeedSequence root,
        Func<SeedSequence, BitGenerator> bitGeneratorFactory,
        ParallelOptions parallelOptions,
        Func<T, long, Generator, CancellationToken, ValueTask> body)
    {
        ArgumentNullException.ThrowIfNull(bitGeneratorFactory);
        return ForEachAsyncCore(source, root, bitGeneratorFactory, parallelOptions, body);
    }

    private static ParallelLoopResult ForCore(
        int fromInclusive,
        int toExclusive,
        SeedSequence root,
        Func<SeedSequence, BitGenerator>? bitGeneratorFactory,
        ParallelOptions parallelOptions,
        Action<int, Generator> body)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(parallelOptions);
        ArgumentNullException.ThrowIfNull(body);
        if (toExclusive < fromInclusive)
        {
            throw new ArgumentOutOfRangeException(nameof(toExclusive), toExclusive,
                $"toExclusive must be at least fromInclusive (fromInclusive = {fromInclusive}, toExclusive = {toExclusive}).");
        }

        int firstChild = ReserveChildren(root, (long)toExclusive - fromInclusive, nameof(toExclusive));
        return Parallel.For(fromInclusive, toExclusive, parallelOptions,
            i => body(i, CreateGenerator(root, firstChild + (i - fromInclusive), bitGeneratorFactory)));
    }

    private static ParallelLoopResult ForEachCore<T>(
        IEnumerable<T> source,
        SeedSequence root,
        Func<SeedSequence, BitGenerator>? bitGeneratorFactory,
        ParallelOptions parallelOptions,
        Action<T, long, Generator> body)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(parallelOptions);
        ArgumentNullException.ThrowIfNull(body);
        IList<T> items = Materialize(source);
        int firstChild = ReserveChildren(root, items.Count, nameof(source));
        return Parallel.For(0, items.Count, parallelOptions,
            i => body(items[i], i, CreateGenerator(root, firstChild + i, bitGeneratorFactory)));
    }

    private static TResult[] SelectCore<T, TResult>(
        IEnumerable<T> source,
        SeedSequence root,
        Func<SeedSequence, BitGenerator>? bitGeneratorFactory,
        ParallelOptions parallelOptions,
        Func<T, Generator, TResult> selector)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(parallelOptions);
        ArgumentNullException.ThrowIfNull(selector);
        IList<T> items = Materialize(source);
        int firstChild = ReserveChildren(root, items.Count, nameof(source));
        var results = new TResult[items.Count];
        Parallel.For(0, items.Count, parallelOptions,
            i => results[i] = selector(items[i], CreateGenerator(root, firstChild + i, bitGeneratorFactory)));
        return results;
    }

    private static Task ForEachAsyncCore<T>(
        IEnumerable<T> source,
        SeedSequence root,
        Func<SeedSequence, BitGenerator>? bitGeneratorFactory,
        ParallelOptions parallelOptions,
        Func<T, long, Generator, CancellationToken, ValueTask> body)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(parallelOptions);
        ArgumentNullException.ThrowIfNull(body);
        IList<T> items = Materialize(source);
        int firstChild = ReserveChildren(root, items.Count, nameof(source));
        return Parallel.ForEachAsync(Enumerable.Range(0, items.Count), parallelOptions,
            (i, cancellationToken) => body(items[i], i, CreateGenerator(root, firstChild + i, bitGeneratorFactory), cancellationToken));
    }

    // Parallel.ForEach reads an IList<T> through its indexer too; anything else is copied once to know n.
    private static IList<T> Materialize<T>(IEnumerable<T> source) => source as IList<T> ?? source.ToArray();

    private static int ReserveChildren(SeedSequence root, long count, string countParameterName)
    {
        long available = int.MaxValue - (long)root.ChildrenSpawned;
        if (count > available)
        {
            throw new ArgumentOutOfRangeException(countParameterName, count,
                $"The loop has {count} items, but the root sequence can spawn only {available} more children " +
                $"(it has spawned {root.ChildrenSpawned}; the counter is limited to {int.MaxValue}).");
        }

        return root.ReserveChildren((int)count);
    }

    private static Generator CreateGenerator(SeedSequence root, int childIndex, Func<SeedSequence, BitGenerator>? bitGeneratorFactory)
    {
        SeedSequence child = root.CreateChild(childIndex);
        if (bitGeneratorFactory is null)
        {
            return new Generator(new Pcg64(child));
        }

        BitGenerator bitGenerator = bitGeneratorFactory(child)
            ?? throw new InvalidOperationException(
                "bitGeneratorFactory returned null; it must return a bit generator seeded from the SeedSequence it is given.");
        return new Generator(bitGenerator);
    }
}
