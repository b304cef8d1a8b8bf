using Microsoft.CodeAnalysis;
using Rng.Generators.Model;

namespace Rng.Generators.Diagnostics;

/// <summary>A diagnostic to report, kept as value-equatable data (descriptor, location, message arguments).</summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> MessageArguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] messageArguments) =>
        new DiagnosticInfo(descriptor, location, new EquatableArray<string>(messageArguments));

    public Diagnostic ToDiagnostic()
    {
        object[] arguments = new object[MessageArguments.Count];
        for (int i = 0; i < arguments.Length; i++)
        {
            arguments[i] = MessageArguments[i];
        }

        return Diagnostic.Create(Descriptor, Location?.ToLocation(), arguments);
    }
}
