using Rng;

// Prints the seed material NumPy derives from the same seed:
//   python3 -c "import numpy as np; print(np.random.SeedSequence(20261122).generate_state(4))"
var root = new SeedSequence(20261122);
Console.WriteLine($"root words:  {string.Join(' ', root.GenerateState(4))}");
foreach (var child in root.Spawn(3))
{
    Console.WriteLine($"child {child.SpawnKey[^1]}:     {string.Join(' ', child.GenerateState(4))}");
}
