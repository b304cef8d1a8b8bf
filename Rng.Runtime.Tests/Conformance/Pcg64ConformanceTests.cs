using System.Numerics;

namespace Rng.Tests.Conformance;

/// <summary>PCG64 against NumPy 1.24 (tools/numpy-vectors/bitgen_pcg.py, NumPy's known-answer file), plus what NumPy cannot show.</summary>
public sealed class Pcg64ConformanceTests : PcgConformanceTests<Pcg64, Pcg64State>
{
    protected override string VectorFile => "bitgen_pcg64.json";

    protected override string KnownAnswerFile => "pcg64-testset-1.csv";

    protected override Func<Pcg64, BigInteger, Pcg64>? Advance => (generator, delta) => generator.Advance(delta);

    protected override Func<Pcg64, int, Pcg64>? Jumped => (generator, jumps) => generator.Jumped(jumps);

    protected override Pcg64 Create(SeedSequence seedSequence) => new(seedSequence);

    protected override Pcg64 Create(ulong seed) => new(seed);

    protected override Pcg64 Create(BigInteger seed) => new(seed);

    protected override Pcg64 Create(Pcg64State state) => new(state);

    protected override Pcg64State StateOf(Pcg64 generator) => generator.State;

    protected override void AssignState(Pcg64 generator, Pcg64State state) => generator.State = state;

    protected override Pcg64[] Spawn(Pcg64 generator, int count) => generator.Spawn(count);

    protected override void FillScalarLanes(Pcg64 generator, Span<ulong> destination) => generator.FillScalarLanes(destination);

    protected override void FillVector512(Pcg64 generator, Span<ulong> destination) => generator.FillVector512(destination);

    protected override Pcg64State NewState(UInt128 state, UInt128 increment, bool hasBufferedUInt32, uint bufferedUInt32) =>
        new() { State = state, Increment = increment, HasBufferedUInt32 = hasBufferedUInt32, BufferedUInt32 = bufferedUInt32 };

    protected override (UInt128 State, UInt128 Increment, bool HasBufferedUInt32, uint BufferedUInt32) PartsOf(Pcg64State state) =>
        (state.State, state.Increment, state.HasBufferedUInt32, state.BufferedUInt32);
}
