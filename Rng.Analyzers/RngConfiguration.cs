using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Rng.Analyzers;

/// <summary>One rejected rng_safety option entry; reported once as RNG0001.</summary>
internal readonly struct ConfigurationError : IEquatable<ConfigurationError>
{
    public ConfigurationError(string option, string entry, string reason)
    {
        Option = option;
        Entry = entry;
        Reason = reason;
    }

    public string Option { get; }

    public string Entry { get; }

    public string Reason { get; }

    public bool Equals(ConfigurationError other) => Option == other.Option && Entry == other.Entry && Reason == other.Reason;

    public override bool Equals(object? obj) => obj is ConfigurationError other && Equals(other);

    public override int GetHashCode() => (Option.GetHashCode() * 31 + Entry.GetHashCode()) * 31 + Reason.GetHashCode();
}

/// <summary>
/// Reads the rng_safety options from .editorconfig / .globalconfig. Values from every source file of the
/// compilation are merged: seed sinks are a property of the libraries a project uses, not of one file.
/// </summary>
internal sealed class RngConfiguration
{
    /// <summary>
    /// Extra seed sinks: method documentation-comment IDs separated by '|'. Because .editorconfig cuts values at '#',
    /// constructors are written <c>M:Ns.Type.ctor(System.Int32)</c> instead of <c>M:Ns.Type.#ctor(System.Int32)</c>.
    /// </summary>
    public const string SeedSinksKey = "rng_safety.seed_sinks";

    /// <summary>Every option the analyzers understand; other rng_safety.* keys are reported as unknown.</summary>
    public static readonly ImmutableArray<string> KnownKeys = ImmutableArray.Create(SeedSinksKey);

    private const string KeyPrefix = "rng_safety.";

    private RngConfiguration(ImmutableArray<IMethodSymbol> seedSinks, ImmutableArray<ConfigurationError> errors)
    {
        SeedSinks = seedSinks;
        Errors = errors;
    }

    public ImmutableArray<IMethodSymbol> SeedSinks { get; }

    public ImmutableArray<ConfigurationError> Errors { get; }

    public static RngConfiguration Read(Compilation compilation, AnalyzerOptions? options)
    {
        if (options is null)
        {
            return new RngConfiguration(ImmutableArray<IMethodSymbol>.Empty, ImmutableArray<ConfigurationError>.Empty);
        }

        var errors = new List<ConfigurationError>();
        var sinkEntries = new List<string>();
        var seenValues = new HashSet<string>(StringComparer.Ordinal);
        var seenUnknownKeys = new HashSet<string>(StringComparer.Ordinal);
        var provider = options.AnalyzerConfigOptionsProvider;

        void Collect(AnalyzerConfigOptions configOptions)
        {
            if (configOptions.TryGetValue(SeedSinksKey, out var value) && seenValues.Add(value))
            {
                foreach (var part in value.Split('|'))
                {
                    var entry = part.Trim();
                    if (entry.Length > 0 && !sinkEntries.Contains(entry))
                    {
                        sinkEntries.Add(entry);
                    }
                }
            }

            foreach (var key in configOptions.Keys)
            {
                if (key.StartsWith(KeyPrefix, StringComparison.OrdinalIgnoreCase)
                    && !KnownKeys.Contains(key, StringComparer.OrdinalIgnoreCase)
                    && seenUnknownKeys.Add(key))
                {
                    errors.Add(new ConfigurationError(key, key, "it is not an rng_safety option (known options: " + string.Join(", ", KnownKeys) + ")"));
                }
            }
        }

        Collect(provider.GlobalOptions);
        foreach (var tree in compilation.SyntaxTrees)
        {
            Collect(provider.GetOptions(tree));
        }

        var sinks = ImmutableArray.CreateBuilder<IMethodSymbol>();
        foreach (var entry in sinkEntries)
        {
            var error = ResolveSeedSink(compilation, entry, sinks);
            if (error is not null)
            {
                errors.Add(new ConfigurationError(SeedSinksKey, entry, error));
            }
        }

        return new RngConfiguration(sinks.ToImmutable(), errors.ToImmutableArray());
    }

    // The ID parser is given user text; whatever it makes of malformed text must become "not found", never a crash.
    private static ImmutableArray<ISymbol> Resolve(string id, Compilation compilation)
    {
        try
        {
            return DocumentationCommentId.GetSymbolsForDeclarationId(id, compilation);
        }
#pragma warning disable CA1031 // Malformed configuration is reported as RNG0001 by the caller.
        catch (Exception)
#pragma warning restore CA1031
        {
            return ImmutableArray<ISymbol>.Empty;
        }
    }

    // Returns null when the entry is valid (or names a type this compilation does not reference), otherwise why it is not.
    private static string? ResolveSeedSink(Compilation compilation, string entry, ImmutableArray<IMethodSymbol>.Builder sinks)
    {
        if (!entry.StartsWith("M:", StringComparison.Ordinal))
        {
            return "it is not a method documentation-comment ID (it must start with 'M:')";
        }

        if (entry.EndsWith(".", StringComparison.Ordinal))
        {
            return "it ends where '#' began a comment (.editorconfig cuts values at '#' and ';'), so write constructors as 'ctor', e.g. 'M:Namespace.Type.ctor(System.Int32)'";
        }

        var parenthesis = entry.IndexOf('(');
        var memberPart = parenthesis < 0 ? entry.Substring(2) : entry.Substring(2, parenthesis - 2);
        var lastDot = memberPart.LastIndexOf('.');
        if (lastDot <= 0 || lastDot == memberPart.Length - 1 || (parenthesis >= 0 && !entry.EndsWith(")", StringComparison.Ordinal)))
        {
            return "it is not of the form 'M:Namespace.Type.Method(ParameterTypes)'";
        }

        // '#' starts a comment in .editorconfig, so constructors are written 'Type.ctor' (or 'Type.#ctor' in other hosts).
        var memberName = memberPart.Substring(lastDot + 1);
        var id = memberName is "ctor" or "cctor"
            ? "M:" + memberPart.Substring(0, lastDot + 1) + "#" + memberName + entry.Substring(2 + memberPart.Length)
            : entry;

        var methods = Resolve(id, compilation).OfType<IMethodSymbol>().ToList();
        if (methods.Count == 0)
        {
            var type = Resolve("T:" + memberPart.Substring(0, lastDot), compilation).FirstOrDefault();

            // A type this project does not reference is not an error: one .editorconfig serves many projects.
            return type is null
                ? null
                : "type '" + type.ToDisplayString() + "' has no method with this ID (check the parameter types, e.g. 'System.Int32', and use 'ctor' for constructors)";
        }

        foreach (var method in methods)
        {
            if (method.Parameters.Length == 0)
            {
                return "'" + method.ToDisplayString() + "' has no parameter that could take a seed";
            }

            sinks.Add(method);
        }

        return null;
    }
}
