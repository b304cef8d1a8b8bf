using Rng.Package.Tests.Infrastructure;

namespace Rng.Package.Tests;

/// <summary>Every end-to-end test shares one pack and runs one at a time (2-core machine; builds share folders).</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "Packed RngSafety";
}

/// <summary>
/// The consumer builds several tests inspect, each run once on first use: the unsafe consumer's default build (and
/// its program's output), its -warnaserror build, and a copy configured with RngSafetyStrict and a raised severity.
/// Owned by <see cref="PackageFixture.Builds"/> (xunit 2 fixtures cannot depend on one another).
/// </summary>
public sealed class ConsumerBuilds
{
    /// <summary>.editorconfig lines the configured copy adds: RNG1001 becomes an error in one file.</summary>
    public const string RaisedSeverity = "\n[SeedArithmetic.cs]\ndotnet_diagnostic.RNG1001.severity = error\n";

    private readonly Lazy<Consumer> _consumer;
    private readonly Lazy<BuildResult> _default;
    private readonly Lazy<ProcessResult> _program;
    private readonly Lazy<BuildResult> _warningsAsErrors;
    private readonly Lazy<(Consumer Consumer, BuildResult Build)> _configured;

    public ConsumerBuilds(PackageFixture fixture)
    {
        _consumer = new(() => fixture.CreateConsumer("Consumer", "Consumer"));
        _default = new(() => _consumer.Value.Build());
        _program = new(() =>
        {
            Assert.True(_default.Value.Succeeded, "The consumer did not build:\n" + _default.Value.Process);
            return _consumer.Value.RunProgram();
        });
        _warningsAsErrors = new(() =>
        {
            _ = _default.Value; // restores the project first
            return _consumer.Value.Build("-warnaserror");
        });
        _configured = new(() =>
        {
            var consumer = fixture.CreateConsumer("Configured", "Consumer", "<RngSafetyStrict>true</RngSafetyStrict>");
            File.AppendAllText(Path.Combine(consumer.Folder, ".editorconfig"), RaisedSeverity);
            return (consumer, consumer.Build("-v:n")); // normal verbosity prints csc's command line
        });
    }

    public BuildResult Default => _default.Value;

    public ProcessResult Program => _program.Value;

    public BuildResult WarningsAsErrors => _warningsAsErrors.Value;

    public Consumer Configured => _configured.Value.Consumer;

    public BuildResult ConfiguredBuild => _configured.Value.Build;
}
