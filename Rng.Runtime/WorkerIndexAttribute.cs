namespace Rng;

/// <summary>
/// Marks an <see cref="int"/> parameter of a <see cref="ParallelStochasticAttribute"/> method that receives the
/// worker index <c>i</c> (0 to <c>count - 1</c>) from the generated parallel driver instead of from the caller.
/// </summary>
/// <remarks>
/// The parameter does not appear in the driver's signature. Worker <c>i</c>'s index is also the position of its result
/// in the driver's result array and of its seed in <c>root.Spawn(count)</c>. Applying the attribute to a parameter of
/// another type, or to more than one parameter, is reported at compile time (RNG4009). The attribute carries no
/// behaviour at run time and is safe to read from any thread.
/// </remarks>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class WorkerIndexAttribute : Attribute
{
}
