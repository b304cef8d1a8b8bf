// The programs of ../UnsafeSeeding, fixed. Everything written to standard output is deterministic and equals, line for
// line, what safe_seeding.py prints with NumPy 1.24 (check.sh runs both and compares; expected-output.txt is NumPy's).
//   dotnet run --project samples/SafeSeeding            (all programs)
//   dotnet run --project samples/SafeSeeding -- jumped  (one of them)
using SafeSeeding;

var programs = new (string Name, Action Run)[]
{
    ("shared", PerItemStreams.Run),
    ("root-plus-id", WorkerIdAndRootSeedList.Run),
    ("clock", LoggedEntropy.Run),
    ("constant", PhiloxKeys.Run),
    ("string-hash", StableTextSeed.Run),
    ("jumped", NonOverlappingJumpedBlocks.Run),
    ("same-seed-sequence", SpawnedChildren.Run),
};

var unknown = args.Where(a => programs.All(p => p.Name != a)).ToArray();
if (unknown.Length > 0)
{
    Console.Error.WriteLine($"unknown program '{unknown[0]}'; usage: SafeSeeding [{string.Join("|", programs.Select(p => p.Name))}]...");
    return 2;
}

foreach (var (name, run) in programs.Where(p => args.Length == 0 || args.Contains(p.Name)))
{
    Console.WriteLine($"== {name}");
    run();
}
return 0;
