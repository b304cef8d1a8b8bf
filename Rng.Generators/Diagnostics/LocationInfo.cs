using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Rng.Generators.Diagnostics;

/// <summary>
/// A source location in a form that compares by value and holds no syntax tree, so diagnostics can travel through
/// the cached pipeline; <see cref="ToLocation"/> rebuilds the <see cref="Location"/> when reporting.
/// </summary>
internal sealed record LocationInfo(string FilePath, TextSpan TextSpan, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, TextSpan, LineSpan);

    public static LocationInfo? From(Location? location)
    {
        if (location is null || location.SourceTree is null)
        {
            return null;
        }

        return new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
    }

    public static LocationInfo? From(SyntaxNode? node) => From(node?.GetLocation());

    public static LocationInfo? From(SyntaxToken token) => From(token.GetLocation());
}
