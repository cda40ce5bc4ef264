namespace AliEcsSpec.Emulator.Tests.Rules;

/// <summary>Which revision of the API documents the emulator follows, and how it is chosen.</summary>
public sealed class DocumentRevisionTests
{
    [Fact]
    public void DocumentRevision_Default_IsNewer() =>
        Assert.Equal(EmulatorDocumentRevision.Newer, new EcsEmulatorOptions().DocumentRevision);

    [Theory]
    [InlineData("older", EmulatorDocumentRevision.Older)]
    [InlineData("newer", EmulatorDocumentRevision.Newer)]
    public void Program_RevisionFlag_SelectsTheRevision(string value, EmulatorDocumentRevision expected)
    {
        var options = new EcsEmulatorOptions();

        var exitCode = Program.Parse(["--revision", value], options);

        Assert.Equal((null, expected), (exitCode, options.DocumentRevision));
    }

    [Fact]
    public void Program_UnknownRevision_IsRefusedWithExitCode2()
    {
        var exitCode = Program.Parse(["--revision", "sideways"], new EcsEmulatorOptions());

        Assert.Equal(2, exitCode);
    }
}
