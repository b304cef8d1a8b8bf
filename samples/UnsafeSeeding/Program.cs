// Each file in this project is one seeding mistake from the documents RngSafety was conceived from, ported to C#.
// Build it to see the RNG diagnostics; run it to see what goes wrong:
//   dotnet run --project samples/UnsafeSeeding            (all demonstrations)
//   dotnet run --project samples/UnsafeSeeding -- clock   (one of them)
// ../SafeSeeding holds the same programs fixed.
using UnsafeSeeding;

var demos = new (string Name, string Rule, Action Run)[]
{
    ("shared", "RNG2001", SharedRandomInWorkers.Run),
    ("root-plus-id", "RNG1001", RootSeedPlusWorkerId.Run),
    ("clock", "RNG1003", ClockSeeds.Run),
    ("constant", "RNG1002", ConstantSeedPerWorker.Run),
    ("string-hash", "RNG1004", StringHashSeed.Run),
    ("jumped", "RNG3001", OverlappingJumpedBlocks.Run),
    ("same-seed-sequence", "RNG3002", SameSeedSequenceTwice.Run),
};

// The string-hash demonstration starts this program again to show that the "seed" changes per process.
if (args is [StringHashSeed.ChildArgument])
{
    StringHashSeed.PrintSeedOfThisProcess();
    return 0;
}

var unknown = args.Where(a => demos.All(d => d.Name != a)).ToArray();
if (unknown.Length > 0)
{
    Console.Error.WriteLine($"unknown demonstration '{unknown[0]}'; usage: UnsafeSeeding [{string.Join("|", demos.Select(d => d.Name))}]...");
    return 2;
}

foreach (var (name, rule, run) in demos.Where(d => args.Length == 0 || args.Contains(d.Name)))
{
    Console.WriteLine($"== {name} ({rule})");
    run();
    Console.WriteLine();
}
return 0;
