using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Rng.Analyzers.Tests;

/// <summary>
/// No analyzer throws (no AD0001), whatever it is given: every .cs file of the repository, grouped by project, and
/// deliberately broken code. Analyzers found by reflection, so rules added later are covered too.
/// </summary>
public sealed class AnalyzerRobustnessTests
{
    // Valid, unreferenced and malformed entries; the ID parser must survive all of them.
    private const string EditorConfig = "rng_safety.seed_sinks = M:Lib.Twister.ctor(System.Int32)|M:System.Random.ctor(System.Int32)|T:Broken"
        + "|M:Missing.Type.ctor(System.Int32)|M:System.Random.|M:A.B(((|M:A.B``x(System.Int32)|M:A.B{)|M:A.B(System.Collections.Generic.List{)|M:..(|M:A..B()";

    public static TheoryData<string> BrokenSources() => new()
    {
        // Unbalanced braces and partial statements.
        """
        using System; using System.Threading.Tasks;
        class C { void M(int seed) { for (int i = 0; i < 4; i++) { new Random(seed + i
        """,
        """
        using System; using System.Threading.Tasks; using Rng;
        class C { void M(int seed) { Parallel.For(0, 4, i => new Random(seed + )); } } }
        """,
        """
        using System; using Rng;
        class C { void M(int rootSeed) { var s = new SeedSequence(new[] { rootSeed, , i }); var g = Generator.Create(; } 
        """,
        """
        class C { void M() { for (int i = 0; i < ; i++) new System.Random(i
        """,
        // Missing types and members.
        """
        using System; using System.Threading.Tasks;
        class C { void M(Unknown seed) { Parallel.For(0, 4, i => { var r = new Random(seed.Value + i + Missing.Id); var q = new Missing(seed + i); }); } }
        """,
        """
        using System;
        class C { void M(string s) { var r = new Random(s.GetHashCod() + UnknownClock.Now.Ticks); var q = new Random(DateTime.Nowz.Ticks); } }
        """,
        // Cycles through locals and fields, recursive records, self-referencing initialisers.
        """
        using System;
        record R(R Inner, string Name);
        class C
        {
            static int s_a = s_b + 1; static int s_b = s_a + Environment.TickCount;
            void M(R r)
            {
                for (int i = 0; i < 4; i++)
                {
                    var a = b + i; var b = a + 1;
                    var s = s + i;
                    new Random(a); new Random(s); new Random(s_a + i); new Random(r.GetHashCode());
                    new Random(new { r, i }.GetHashCode());
                }
            }
        }
        """,
        // Odd but valid shapes.
        """
        using System; using System.Linq; using System.Threading; using System.Threading.Tasks; using Rng;
        class C
        {
            static int s_next;
            void M(int seed, int[] items)
            {
                Random r1 = new(seed + items.Length);
                Parallel.ForEach(items, (item, state, index) => new Random(checked((int)index + seed)));
                Parallel.Invoke(() => new Random(seed ^ Interlocked.Increment(ref s_next)), Work);
                items.AsParallel().ForAll(x => new SeedSequence([.. items, x]));
                var list = new SeedSequence([seed, .. items]);
                Task.Factory.StartNew(o => new Random((int)o! + seed), 3);
                new Thread(o => new Random(o is int k ? k + seed : 0)).Start(1);
                ThreadPool.QueueUserWorkItem(o => new Random(o!.GetHashCode() + seed));
                var x = default(Random);
                new Random(default);
                new Random(unchecked((int)(long)(ulong)(nint)seed));
                void Local(int i) => new Random(seed + i);
                Parallel.For(0, 4, Local);
            }
            void Work() { }
        }
        """,
        // Broken generic and attribute code.
        """
        using System;
        [ThreadStatic] static Random s_rng = new Random(Environment.TickCount);
        class C<T> where T : { void M<U>(U u) => new Random((int)(object)u + typeof(T).GetHashCode()); }
        """,
        "",
        "}}}}{{{{ new Random(",

        // Parallel bodies, call following, locks and per-thread RNGs (RNG1002, RNG2001-RNG2003), broken and recursive.
        """
        using System; using System.Threading; using System.Threading.Tasks;
        partial class C
        {
            [ThreadStatic] static Random t_rng = new(;
            static readonly ThreadLocal<Random> s_tl = new(() => new Random(Missing.Seed));
            Random _rng = new Random(1);
            void M(int n) { Parallel.For(0, n, i => { lock (_rng) { A(i); } lock ( } ); Parallel.For(0, n, Undefined); Task.Run(() => B(); }
            int A(int i) => A(i - 1) + B() + _rng.Next() + Rng.Next() + s_tl.Value.Next();
            int B() => A(0) + C.Missing() + (t_rng ??= new Random(Interlocked.Increment(ref s_n))).Next();
            static Random Rng => t_rng ??= new Random(Seed);
            partial void P(Random r);
        }
        """,
        """
        using System; using System.Threading.Tasks;
        class C
        {
            Random _rng;
            void M(int n, Random p)
            {
                Func<int> f = () => f() + _rng.Next();
                Parallel.For(0, n, () => new Random(p.Next()), (i, s, r) => { f(); return r; }, r => p.Next());
                Parallel.ForEach(new int[0], x => { _rng = null; _rng.Next(); nameof(_rng); });
                Parallel.For(0L, n, async (i) => await Task.Yield());
                for (;;) { var q = new Random(7); break; }
                while (true) Parallel.Invoke(() => p.Next(), null, () => Random.Shared.Next(
            }
        }
        """,
        // Seeds through the user's methods and primary constructors (forwarding sinks), broken, recursive and odd.
        """
        using System; using System.Threading.Tasks;
        class Worker(int seed, string) : Random(seed * ) { Random _r = new(seed; int Run() => new Random(-~seed).Next(; }
        class Dice(int faces) : Random(faces, faces) { }
        record Job(int Seed) : Job(Seed + 1) { Random R { get; } = new Random(Seed * 2 + Missing.K); }
        struct Cell(int seed) { Cell(int a, int b) : this(a + b) { } Random R() => new Random(seed >>> 3 ^ seed); }
        class Holder(int seed) { readonly int _s = seed, _t = ; static int S { get; } = seed; int T { get => 1; } = seed; int R() => new Random(this._s + this. + S + T + _t).Next(); }
        record Pair(int Seed, int Seed) { int R() => new Random(Seed).Next(); }
        partial class Split { private int _s; private int P { get; set; } Split(int seed) { _s = seed; P = seed; } int R() => new Random(_s + P).Next(); }
        partial class Split { void W(int k) { ++_s; ref int x = ref _s; int.TryParse("1", out _s); this.P += k; (P, _s) = (k, k); } }
        class Keeper { readonly int _s; int S { get; } Keeper(int seed) { _s = ; this. = seed; S = seed; Missing = seed; _s = seed } Keeper(int seed, int b) : this(seed) { _s = b; } int R() => new Random(_s + S).Next(); }
        class C
        {
            static Random Make(int seed) => Make(seed * 2 + 1);
            static Random Twice(int seed) => new Random(seed + seed);
            static Random Over(int seed) => new Random((int)(seed * 3L / 0));
            static void M2(ref Func<int, Random> g) { }
            static Random Open(int seed) => new Random(seed +
            void M(int rootSeed)
            {
                Func<int, Random> f = ; Func<int, Random> g = seed => new Random(seed +); Func<int> h = () => 1; Action<int> a = Missing;
                Func<int, Random> self = null; self = s => self(s + 1); Func<int, Random> fwd = s => fwd(s); ref Func<int, Random> r = ref g;
                Parallel.For(0, 4, i => { f(i); g(rootSeed + i); h(); a(i); r(i); self(i); fwd(i); ((Func<int, Random>)(s => new Random(s)))(i); M2(ref g); g(i); });
                Parallel.For(0, 4, i => { new Worker(rootSeed + i, "a"); new Dice(i); new Job(rootSeed ^ i); new Cell(i, rootSeed); new Holder(i).GetHashCode(); new Pair(i, i); new Keeper(i); new Keeper(rootSeed + i, i); new Split(rootSeed + i);
                    Make(rootSeed + i); Twice(i); Over(rootSeed - i); Open(i); });
            }
        }
        """,
        // Jumps, advances, copies and seed material (RNG3001, RNG3002), broken and odd.
        """
        using System; using Rng;
        class C
        {
            void M(Pcg64 root, int n, SeedSequence ss, UInt128 key)
            {
                var a = root.Jumped(; var b = root.Jumped(i +); var c = root.Jumped(unknown);
                var blocked = new Pcg64[n];
                for (int i = 0; i < ; i++) blocked[i] = root.Jumped(i);
                for (int i = 0; i < 4; i += 2) blocked[i] = root.Jumped(i * 2);
                for (int i = 9; i > 0; i--) blocked[i] = root.Jumped(int.MaxValue + i);
                var x = blocked[].Jumped(); var y = blocked[-1].Jumped(); var z = blocked[100].Jumped().Jumped(-5);
                var w = new Pcg64(root.State).Advance(); var v = new Pcg64(root.State).Advance(n).Advance(1);
                root = root.Jumped(); root.Advance(3);
                var k1 = Philox.FromKey(key + ); var k2 = Philox.FromKey(key, counter: ); var k3 = new Philox(ss, 1);
                var s1 = new Pcg64(ss; var s2 = new Pcg64(ss.Spawn(1)[0]); var s3 = new Sfc64(ss.Spawn(2)[5]);
                var kids = ss.Spawn(2); kids[0] = ss; var t1 = new Pcg64(kids[0]); var t2 = new Pcg64(kids[n]);
                var big = new SeedSequence(new System.Numerics.BigInteger(1) << 200); var big2 = new SeedSequence(new System.Numerics.BigInteger(1) << 200);
            }
        }
        """,
    };

    [Theory]
    [MemberData(nameof(BrokenSources))]
    public async Task NoAnalyzerThrows_OnBrokenCode(string source)
    {
        var trees = new[]
        {
            CSharpSyntaxTree.ParseText(source, path: "/src/Broken.cs"),
            CSharpSyntaxTree.ParseText("// <auto-generated/>\nclass G { System.Random R(int i) => new System.Random(i + 1); }", path: "/src/G.g.cs"),
        };
        await AssertNoAnalyzerExceptionAsync("Broken", trees);
    }

    [Fact]
    public async Task NoAnalyzerThrows_OnEveryFileOfTheRepository()
    {
        var root = DescriptorDocumentationTests.RepositoryRoot();
        var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(root, path))
            .ToList();
        Assert.True(files.Count > 20, $"Expected the repository's sources under {root}, found {files.Count} files.");

        // One compilation per project (nearest .csproj folder), as the compiler would see them.
        foreach (var project in files.GroupBy(path => ProjectOf(root, path)))
        {
            var trees = project.Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), path: path)).ToArray();
            await AssertNoAnalyzerExceptionAsync(project.Key, trees);
        }
    }

    private static async Task AssertNoAnalyzerExceptionAsync(string name, SyntaxTree[] trees)
    {
        var compilation = CSharpCompilation.Create(
            name,
            trees,
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
        var analyzers = DescriptorDocumentationTests.AllAnalyzers().ToImmutableArray();
        var exceptions = new ConcurrentBag<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new TestConfigOptionsProvider(EditorConfig)),
            onAnalyzerException: (exception, analyzer, _) => exceptions.Add(analyzer.GetType().Name + ": " + exception),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        var crashes = diagnostics.Where(d => d.Id == "AD0001").Select(d => d.ToString()).Concat(exceptions).ToList();
        Assert.True(crashes.Count == 0, $"Analyzer exceptions in {name}:\n" + string.Join("\n", crashes));
        Assert.DoesNotContain(diagnostics, d => d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true);

        // Proof that the analyzers ran with the options: the malformed seed-sink entries are reported once each
        // (entries whose type part names no referenced type are skipped silently).
        Assert.Equal(
            new[] { "'M:..('", "'M:A.B((('", "'M:System.Random.'", "'T:Broken'" },
            diagnostics.Where(d => d.Id == "RNG0001").Select(d => d.GetMessage().Split(' ')[2]).Order(StringComparer.Ordinal));
    }

    private static bool IsBuildOutput(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
        return relative.Split('/').Any(part => part is "bin" or "obj" or "BenchmarkDotNet.Artifacts" || part.StartsWith('.'));
    }

    private static string ProjectOf(string root, string path)
    {
        for (var directory = Path.GetDirectoryName(path); directory is not null && directory.Length >= root.Length; directory = Path.GetDirectoryName(directory))
        {
            if (Directory.EnumerateFiles(directory, "*.csproj").Any())
            {
                return Path.GetRelativePath(root, directory);
            }
        }

        return ".";
    }

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        // The running framework plus everything next to the tests (xunit, Roslyn, Rng.Runtime): enough for most files
        // to bind; whatever does not bind is broken code the analyzers must survive anyway.
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var names = new HashSet<string>(trusted.Select(Path.GetFileName)!, StringComparer.OrdinalIgnoreCase);
        var local = Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll").Where(path => names.Add(Path.GetFileName(path)));
        return trusted.Concat(local)
            .Where(IsManagedAssembly)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    });

    private static bool IsManagedAssembly(string path)
    {
        try
        {
            System.Reflection.AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    private sealed class TestConfigOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly DictionaryOptions _options;

        public TestConfigOptionsProvider(string seedSinks)
        {
            _options = new DictionaryOptions(new Dictionary<string, string> { ["rng_safety.seed_sinks"] = seedSinks.Split('=')[1].Trim() });
        }

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

        private sealed class DictionaryOptions(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);

            public override IEnumerable<string> Keys => values.Keys;
        }
    }
}
