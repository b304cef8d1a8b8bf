using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Rng;

// Prints NumPy-identical streams for one seed and shows spawning. Every block names the NumPy 1.24 line that prints
// the same numbers; run them with: python3 -c "import numpy as np; <line>"
BigInteger seed = 20261122;
if (args.Length > 0 && !BigInteger.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out seed))
{
    Console.Error.WriteLine($"usage: SeedStreams [seed]   (the seed must be a non-negative decimal integer, not '{args[0]}')");
    return 2;
}

var root = new SeedSequence(seed);
Console.WriteLine($"seed {seed}");

// print(np.random.SeedSequence(20261122).generate_state(4))
Console.WriteLine($"SeedSequence words      {Join(root.GenerateState(4))}");

// print(np.random.PCG64(20261122).random_raw(4))
var pcg = new Pcg64(root);
Console.WriteLine($"PCG64 raw               {Join(Draw(pcg, 4))}");

// print(np.random.PCG64DXSM(20261122).random_raw(4))
Console.WriteLine($"PCG64DXSM raw           {Join(Draw(new Pcg64Dxsm(new SeedSequence(seed)), 4))}");

// Independent streams for three workers, no coordination needed:
// for s in np.random.SeedSequence(20261122).spawn(3): print(s.spawn_key, np.random.PCG64(s).random_raw(3))
Pcg64[] workers = pcg.Spawn(3); // NumPy >= 1.25: np.random.PCG64(20261122).spawn(3)
foreach (var worker in workers)
{
    Console.WriteLine($"child  spawn_key=({worker.SeedSequence!.SpawnKey[0]},)   {Join(Draw(worker, 3))}");
}

// Grandchildren: a child spawns in turn, keys (1, 0) and (1, 1).
// for s in np.random.SeedSequence(20261122).spawn(3)[1].spawn(2): print(s.spawn_key, np.random.PCG64(s).random_raw(3))
foreach (var grandchild in workers[1].Spawn(2))
{
    var key = grandchild.SeedSequence!.SpawnKey;
    Console.WriteLine($"grandchild spawn_key=({key[0]}, {key[1]}) {Join(Draw(grandchild, 3))}");
}

// A child travels to another process as text or JSON and continues there with the same numbers.
var child = root.Spawn(1)[0]; // the fourth child: spawn key (3,)
string json = JsonSerializer.Serialize(child);
var rebuilt = JsonSerializer.Deserialize<SeedSequence>(json)!;
Console.WriteLine($"child as JSON           {json}");
Console.WriteLine($"rebuilt child PCG64     {Join(Draw(new Pcg64(rebuilt), 3))}");
// print(np.random.PCG64(np.random.SeedSequence(20261122, spawn_key=(3,))).random_raw(3))
Console.WriteLine($"child as NumPy repr:\n{child}");
return 0;

static ulong[] Draw(BitGenerator generator, int count)
{
    var values = new ulong[count];
    generator.Fill(values);
    return values;
}

static string Join<T>(IEnumerable<T> values) => "[" + string.Join(' ', values) + "]";
