using System;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Rng.Analyzers.CodeFixes;

/// <summary>
/// RNG1005 fix: replace a small literal root seed with a freshly drawn 128-bit one, written
/// <c>new UInt128(0x…, 0x…)</c> (C# has no 128-bit literal; UInt128 converts implicitly to the BigInteger seed overloads).
/// Offered when the literal is the argument itself and the method has a BigInteger or UInt128 overload.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LowEntropySeedCodeFixProvider))]
[Shared]
public class LowEntropySeedCodeFixProvider : RngCodeFixProvider
{
    /// <summary>Equivalence key of the fix.</summary>
    public const string FreshSeedKey = "RNG1005.Fresh128BitSeed";

    private readonly Func<(ulong High, ulong Low)> _drawSeed;

    /// <summary>Creates the fix with seeds from the operating system's cryptographic generator.</summary>
    public LowEntropySeedCodeFixProvider()
        : this(DrawFromOperatingSystem)
    {
    }

    /// <summary>Creates the fix with an injected seed source (tests make it deterministic).</summary>
    internal LowEntropySeedCodeFixProvider(Func<(ulong High, ulong Low)> drawSeed)
    {
        _drawSeed = drawSeed;
    }

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.LowEntropyRootSeed.Id);

    internal override async Task<ImmutableArray<RngEdit>> ComputeEditsAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var target = await RngFixSyntax.FindSeedSinkAsync(document, diagnostic.Location.SourceSpan, cancellationToken).ConfigureAwait(false);
        if (target is null
            || target.Types.UInt128 is null
            || !LowEntropySeedAnalyzer.TryGetLowEntropyConstant(target.Use, out _, out var isDirect)
            || !isDirect
            || !HasWideOverload(target.Use, target.Types))
        {
            return ImmutableArray<RngEdit>.Empty;
        }

        var (high, low) = _drawSeed();
        var replacement = "new global::System.UInt128(0x" + high.ToString("X16", CultureInfo.InvariantCulture)
            + ", 0x" + low.ToString("X16", CultureInfo.InvariantCulture) + ")";
        return ImmutableArray.Create(new RngEdit("Use a freshly drawn 128-bit root seed", FreshSeedKey, target.Use.SeedSyntax, replacement));
    }

    private static (ulong High, ulong Low) DrawFromOperatingSystem()
    {
        var bytes = new byte[16];
        using (var generator = RandomNumberGenerator.Create())
        {
            generator.GetBytes(bytes);
        }

        return (BitConverter.ToUInt64(bytes, 0), BitConverter.ToUInt64(bytes, 8));
    }

    // The same constructor or method group must accept a 128-bit value in the seed's position.
    private static bool HasWideOverload(SeedSinkUse use, RngKnownTypes types)
    {
        var method = use.Sink.Method;
        var candidates = method.MethodKind == MethodKind.Constructor
            ? method.ContainingType.InstanceConstructors
            : method.ContainingType.GetMembers(method.Name).OfType<IMethodSymbol>().ToImmutableArray();
        var ordinal = use.Sink.SeedParameter.Ordinal;
        return candidates.Any(candidate => candidate.DeclaredAccessibility == Accessibility.Public
            && candidate.Parameters.Length > ordinal
            && (RngKnownTypes.Is(candidate.Parameters[ordinal].Type, types.BigInteger) || RngKnownTypes.Is(candidate.Parameters[ordinal].Type, types.UInt128)));
    }
}
