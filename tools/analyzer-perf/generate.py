#!/usr/bin/env python3
"""Write a large C# class library that exercises Rng.Analyzers next to the .NET SDK analyzers.

Usage: generate.py [OUT_DIR] [--lines N]
OUT_DIR defaults to a fresh temp dir (printed on stdout). The project references Rng.Runtime and
Rng.Analyzers of this repository by absolute path. Generated code is deterministic (fixed seed)
and must never be committed.
"""
import argparse
import os
import random
import sys
import tempfile

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))

CSPROJ = """<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <OutputType>Library</OutputType>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <AllowUnsafeBlocks>false</AllowUnsafeBlocks>
    <EnableNETAnalyzers>true</EnableNETAnalyzers>
    <AnalysisLevel>latest-all</AnalysisLevel>
    <EnforceCodeStyleInBuild>true</EnforceCodeStyleInBuild>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
    <GenerateDocumentationFile>false</GenerateDocumentationFile>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="{repo}/Rng.Runtime/Rng.Runtime.csproj" />
    <ProjectReference Include="{repo}/Rng.Analyzers/Rng.Analyzers.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" Condition="'$(RngAnalyzers)' != 'false'" />
  </ItemGroup>
</Project>
"""

# Stop MSBuild from walking up into unrelated Directory.Build.* / Directory.Packages.props files.
EMPTY_PROPS = "<Project />\n"

HEADER = """using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Rng;

namespace PerfCorpus.Module{mod};

public sealed class {cls}
{{
    private readonly List<int> _values = new();
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly Random _sharedRandom = new Random(1234);
    private static readonly Random s_random = Random.Shared;
    private int _total;

    public {cls}(IEnumerable<int> seedValues)
    {{
        _values.AddRange(seedValues);
    }}

    public int Total => _total;
"""

# --- ordinary code (the bulk) -------------------------------------------------------------
ORDINARY = [
    """
    public int SumEven{n}(int limit)
    {{
        var sum = 0;
        for (var i = 0; i < limit; i++)
        {{
            if (i % 2 == 0)
            {{
                sum += i * {k};
            }}
            else if (i % 7 == 3)
            {{
                sum -= i;
            }}
        }}
        _total += sum;
        return sum;
    }}
""",
    """
    public string Describe{n}(string name, int count)
    {{
        var builder = new StringBuilder();
        builder.Append("Item ").Append(name).Append(':');
        for (var i = 0; i < count; i++)
        {{
            builder.Append(' ').Append(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }}
        var text = builder.ToString().Trim();
        if (text.Length > {k} * 10)
        {{
            text = text.Substring(0, {k} * 10);
        }}
        return text.ToUpperInvariant();
    }}
""",
    """
    public IReadOnlyList<int> Filter{n}(IEnumerable<int> input)
    {{
        var result = input
            .Where(x => x % {k} != 0)
            .Select(x => x * 3 + {k})
            .OrderBy(x => x)
            .Take(100)
            .ToList();
        foreach (var value in result)
        {{
            _values.Add(value);
        }}
        return result;
    }}
""",
    """
    public Dictionary<string, int> CountWords{n}(string text)
    {{
        var words = text.Split(new[] {{ ' ', ',', '.' }}, StringSplitOptions.RemoveEmptyEntries);
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var word in words)
        {{
            counts.TryGetValue(word, out var current);
            counts[word] = current + 1;
            _counts[word] = current + {k};
        }}
        return counts;
    }}
""",
    """
    public double Average{n}(int[] data)
    {{
        if (data.Length == 0)
        {{
            return 0.0;
        }}
        double total = 0;
        var index = 0;
        while (index < data.Length)
        {{
            total += data[index] / (double){k};
            index++;
        }}
        return total / data.Length;
    }}
""",
    """
    public async Task<int> LoadAsync{n}(int delay, CancellationToken cancellationToken)
    {{
        var results = new List<int>();
        for (var attempt = 0; attempt < 3; attempt++)
        {{
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            results.Add(attempt * {k});
        }}
        return results.Sum();
    }}
""",
    """
    public int Classify{n}(object value)
    {{
        switch (value)
        {{
            case int i when i > {k}:
                return 1;
            case string s when s.Length > 3:
                return 2;
            case IEnumerable<int> seq:
                return seq.Count();
            case null:
                return -1;
            default:
                return 0;
        }}
    }}
""",
    """
    public (int Min, int Max) Range{n}()
    {{
        var min = int.MaxValue;
        var max = int.MinValue;
        foreach (var value in _values)
        {{
            min = Math.Min(min, value + {k});
            max = Math.Max(max, value - {k});
        }}
        return (min, max);
    }}
""",
]

# --- code that uses RNGs and parallelism (~8% of methods) -----------------------------------
RNG_METHODS = [
    # unsafe: seed arithmetic (RNG1001)
    """
    public double[] SimulateArithmetic{n}(int rootSeed, int workers)
    {{
        var results = new double[workers];
        Parallel.For(0, workers, workerId =>
        {{
            var workerSeed = rootSeed + workerId;
            var random = new Random(workerSeed);
            results[workerId] = random.NextDouble() * {k};
        }});
        return results;
    }}
""",
    # unsafe: same seed in every worker (RNG1002)
    """
    public int[] SameSeed{n}(int count)
    {{
        var results = new int[count];
        Parallel.For(0, count, i =>
        {{
            var random = new Random(42);
            results[i] = random.Next({k});
        }});
        return results;
    }}
""",
    # unsafe: clock seed (RNG1003)
    """
    public int ClockSeed{n}()
    {{
        var random = new Random(Environment.TickCount);
        return random.Next(0, {k});
    }}
""",
    # unsafe: shared RNG across a parallel body through a helper (RNG2001)
    """
    public void SharedRandom{n}(IEnumerable<int> items)
    {{
        var bag = new ConcurrentBag<int>();
        Parallel.ForEach(items, item => bag.Add(Draw{n}(item)));
        _total += bag.Count;
    }}

    private int Draw{n}(int item) => _sharedRandom.Next(item + {k});
""",
    # unsafe: hash seed (RNG1004)
    """
    public double HashSeed{n}(string name)
    {{
        var random = new Random(name.GetHashCode());
        return random.NextDouble();
    }}
""",
    # safe: SeedSequence spawn per item
    """
    public double[] SpawnedStreams{n}(int count)
    {{
        var root = new SeedSequence(new[] {{ 0x5eed{k:04x}, 0x1234 }});
        var children = root.Spawn(count);
        var results = new double[count];
        Parallel.For(0, count, i =>
        {{
            var generator = Generator.Create(children[i]);
            results[i] = generator.Integers(0, 1000) / 1000.0;
        }});
        return results;
    }}
""",
    # safe: Random.Shared in PLINQ
    """
    public int[] PlinqShared{n}(int[] data)
    {{
        return data.AsParallel().Select(x => x + Random.Shared.Next({k})).ToArray();
    }}
""",
    # safe: tasks with per-task generators from SeedSequence
    """
    public async Task<long> TaskStreams{n}(int tasks)
    {{
        var root = new SeedSequence();
        var children = root.Spawn(tasks);
        var running = new List<Task<long>>();
        for (var t = 0; t < tasks; t++)
        {{
            var child = children[t];
            running.Add(Task.Run(() => Generator.Create(child).Integers(0L, {k}L)));
        }}
        var values = await Task.WhenAll(running).ConfigureAwait(false);
        return values.Sum();
    }}
""",
    # safe: ParallelRandom
    """
    public double[] ParallelRandomFor{n}(int count)
    {{
        var results = new double[count];
        ParallelRandom.For(0, count, new SeedSequence({k}), (i, generator) =>
        {{
            results[i] = generator.AsRandom().NextDouble();
        }});
        return results;
    }}
""",
    # safe: static Random.Shared field in Task.Run
    """
    public Task<int> StaticShared{n}() => Task.Run(() => s_random.Next({k}));
""",
]


def generate(out_dir, target_lines):
    rnd = random.Random(20261122)
    os.makedirs(out_dir, exist_ok=True)
    src = os.path.join(out_dir, "src")
    os.makedirs(src, exist_ok=True)
    with open(os.path.join(out_dir, "PerfCorpus.csproj"), "w") as f:
        f.write(CSPROJ.format(repo=REPO))
    for name in ("Directory.Build.props", "Directory.Build.targets"):
        with open(os.path.join(out_dir, name), "w") as f:
            f.write(EMPTY_PROPS)
    with open(os.path.join(out_dir, "Directory.Packages.props"), "w") as f:
        f.write("<Project>\n  <PropertyGroup>\n    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>\n  </PropertyGroup>\n</Project>\n")

    total_lines = 0
    methods = 0
    rng_methods = 0
    file_index = 0
    while total_lines < target_lines:
        cls = f"Service{file_index:04d}"
        parts = [HEADER.format(mod=file_index // 50, cls=cls)]
        for n in range(24):
            k = rnd.randint(2, 97)
            if rnd.random() < 0.08:
                template = rnd.choice(RNG_METHODS)
                rng_methods += 1
            else:
                template = rnd.choice(ORDINARY)
            parts.append(template.format(n=n, k=k))
            methods += 1
        parts.append("}\n")
        text = "".join(parts)
        with open(os.path.join(src, f"{cls}.cs"), "w") as f:
            f.write(text)
        total_lines += text.count("\n")
        file_index += 1
    return total_lines, file_index, methods, rng_methods


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out_dir", nargs="?", default=None)
    parser.add_argument("--lines", type=int, default=200_000)
    args = parser.parse_args()
    out_dir = args.out_dir or tempfile.mkdtemp(prefix="rng-analyzer-perf-")
    lines, files, methods, rng_methods = generate(out_dir, args.lines)
    print(f"out_dir={out_dir}")
    print(f"lines={lines} files={files} methods={methods} rng_methods={rng_methods} "
          f"rng_share={100.0 * rng_methods / methods:.1f}%", file=sys.stderr)


if __name__ == "__main__":
    main()
