using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Rng.Analyzers;

/// <summary>
/// One <see cref="RngKnownTypes"/> per compilation shared by the analyzers that use this cache, instead of one per
/// analyzer: resolving some 45 types by metadata name and reading the rng_safety options over every syntax tree is the
/// largest fixed cost of an analyzer on a big project.
/// </summary>
internal static class KnownTypesCache
{
    private static readonly ConditionalWeakTable<Compilation, Entry> Cache = new();

    /// <summary>The known types of <paramref name="compilation"/> read with <paramref name="options"/>, created once.</summary>
    public static RngKnownTypes Get(Compilation compilation, AnalyzerOptions options)
    {
        var entry = Cache.GetValue(compilation, c => new Entry(options, RngKnownTypes.Create(c, options)));

        // The options are the same object for every analyzer of one compilation; anything else gets its own instance.
        return ReferenceEquals(entry.Options, options) ? entry.Types : RngKnownTypes.Create(compilation, options);
    }

    private sealed class Entry
    {
        public Entry(AnalyzerOptions options, RngKnownTypes types)
        {
            Options = options;
            Types = types;
        }

        public AnalyzerOptions Options { get; }

        public RngKnownTypes Types { get; }
    }
}
