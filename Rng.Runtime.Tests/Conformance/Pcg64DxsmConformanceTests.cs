using System.Numerics;

namespace Rng.Tests.Conformance;

/// <summary>PCG64DXSM against NumPy 1.24 (tools/numpy-vectors/bitgen_pcg.py, NumPy's known-answer file), plus what NumPy cannot show.</summary>
public sealed class Pcg64DxsmConformanceTests : PcgConformanceTests<Pcg64Dxsm, Pcg64DxsmState>
{
    protected override string VectorFile => "bitgen_pcg64dxsm.json";

    protected override string KnownAnswerFile => "pcg64dxsm-testset-1.csv";

    protected override Func<Pcg64Dxsm, BigInteger, Pcg64Dxsm>? Advance => (generator, delta) => generator.Advance(delta);

    protected override Func<Pcg64Dxsm, int, Pcg64Dxsm>? Jumped => (generator, jumps) => generator.Jumped(jumps);

    protected override Pcg64Dxsm Create(SeedSequence seedSequence) => new(seedSequence);

    protected override Pcg64Dxsm Create(ulong seed) => new(seed);

    protected override Pcg64Dxsm Create(BigInteger seed) => new(seed);

    protected override Pcg64Dxsm Create(Pcg64DxsmState state) => new(state);

    protected override Pcg64DxsmState StateOf(Pcg64Dxsm generator) => generator.State;

    protected override void AssignState(Pcg64Dxsm generator, Pcg64DxsmState state) => generator.State = state;

    protected override Pcg64Dxsm[] Spawn(Pcg64Dxsm generator, int count) => generator.Spawn(count);

    protected override void FillScalarLanes(Pcg64Dxsm generator, Span<ulong> destination) => generator.FillScalarLanes(destination);

    protected override void FillVector512(Pcg64Dxsm generator, Span<ulong> destination) => generator.FillVector512(destination);

    protected override Pcg64DxsmState NewState(UInt128 state, UInt128 increment, bool hasBufferedUInt32, uint bufferedUInt32) =>
        new() { State = state, Increment = increment, HasBufferedUInt32 = hasBufferedUInt32, BufferedUInt32 = bufferedUInt32 };

    protected override (UInt128 State, UInt128 Increment, bool HasBufferedUInt32, uint BufferedUInt32) PartsOf(Pcg64DxsmState state) =>
        (state.State, state.Increment, state.HasBufferedUInt32, state.BufferedUInt32);
}
