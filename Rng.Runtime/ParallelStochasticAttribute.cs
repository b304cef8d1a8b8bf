namespace Rng;

/// <summary>
/// Marks a method that draws from a <see cref="Generator"/> parameter so that the Rng.Generators source generator
/// writes a parallel driver for it: <c>FooParallel(SeedSequence root, int count, ...)</c> and
/// <c>FooParallel(ulong seed, int count, ...)</c> (<c>FooParallelAsync</c> for <c>FooAsync</c>).
/// </summary>
/// <remarks>
/// <para>
/// Worker <c>i</c> of <c>count</c> runs the method with <c>new Generator(new Pcg64(root.Spawn(count)[i]))</c>
/// (or the bit generator chosen by <see cref="BitGenerator"/>) and its return value lands in <c>result[i]</c>, so the
/// result array is the same for any degree of parallelism and any scheduling, and NumPy reproduces worker <c>i</c>'s
/// stream with <c>Generator(PCG64(SeedSequence(seed).spawn(count)[i]))</c>.
/// </para>
/// <para>
/// The containing type and every type that contains it must be <see langword="partial"/>. Misuse is reported at
/// compile time as RNG4001 to RNG4012. The attribute itself carries no behaviour at run time; it is immutable once
/// constructed by the runtime and therefore safe to read from any thread.
/// </para>
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ParallelStochasticAttribute : Attribute
{
    /// <summary>
    /// The bit generator that seeds each worker's <see cref="Generator"/>: <c>typeof(Pcg64)</c> (the default, also when
    /// left <see langword="null"/>), <c>typeof(Pcg64Dxsm)</c>, <c>typeof(Philox)</c>, <c>typeof(Sfc64)</c> or
    /// <c>typeof(Mt19937)</c>. Any other type is rejected at compile time (RNG4008).
    /// </summary>
    public Type? BitGenerator { get; set; }
}
