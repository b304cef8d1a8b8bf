using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Rng.Analyzers;

/// <summary>
/// Remembers which (rule, file, span) an analyzer has reported in one compilation: a helper called from several
/// parallel bodies, or a seed found both directly and by following calls, is reported once.
/// </summary>
internal sealed class ReportOnce
{
    private readonly ConcurrentDictionary<(string Id, SyntaxTree Tree, TextSpan Span), byte> _reported = new();

    /// <summary>True the first time this rule is about to be reported at <paramref name="location"/>.</summary>
    public bool TryClaim(string id, Location location)
    {
        if (location.SourceTree is not { } tree)
        {
            return true;
        }

        return _reported.TryAdd((id, tree, location.SourceSpan), 0);
    }
}
