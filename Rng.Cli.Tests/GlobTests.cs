namespace Rng.Cli.Tests;

public sealed class GlobTests
{
    private const string Cwd = "/repo";

    [Theory]
    [InlineData("*.cs", "/repo/src/A.cs", true)]
    [InlineData("*.g.cs", "/repo/src/A.cs", false)]
    [InlineData("*.g.cs", "/repo/obj/A.g.cs", true)]
    [InlineData("src/*.cs", "/repo/src/A.cs", true)]
    [InlineData("src/*.cs", "/repo/src/sub/A.cs", false)]
    [InlineData("src/**/*.cs", "/repo/src/A.cs", true)]
    [InlineData("src/**/*.cs", "/repo/src/sub/deep/A.cs", true)]
    [InlineData("**/Generated/**", "/repo/x/Generated/y/A.cs", true)]
    [InlineData("**/Generated/**", "/repo/x/NotGenerated/A.cs", false)]
    [InlineData("./src/?.cs", "/repo/src/A.cs", true)]
    [InlineData("./src/?.cs", "/repo/src/AB.cs", false)]
    [InlineData("/elsewhere/**", "/elsewhere/A.cs", true)]
    public void Matches(string pattern, string path, bool expected)
    {
        Assert.Equal(expected, new Glob(pattern).IsMatch(path, Cwd));
    }

    [Fact]
    public void Filter_IncludeThenExclude()
    {
        var filter = new PathFilter(new[] { "src/**" }, new[] { "*.g.cs" }, Cwd);

        Assert.True(filter.Accepts("/repo/src/A.cs"));
        Assert.False(filter.Accepts("/repo/src/A.g.cs"));
        Assert.False(filter.Accepts("/repo/test/A.cs"));
        Assert.False(filter.Accepts(null)); // project-wide findings are outside an explicit include list
        Assert.True(new PathFilter(Array.Empty<string>(), Array.Empty<string>(), Cwd).Accepts(null));
    }
}
