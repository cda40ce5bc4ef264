using AliEcsSpec.Emulator.Tool;

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
    public void CommandLine_RevisionFlag_SelectsTheRevision(string value, EmulatorDocumentRevision expected)
    {
        var commandLine = new EmulatorCommandLine();

        var parsed = commandLine.Parse(["--revision", value]);

        Assert.Equal((0, expected), (parsed.Errors.Count, commandLine.Read(parsed).Options.DocumentRevision));
    }

    [Fact]
    public void CommandLine_UnknownRevision_IsAnError()
    {
        var parsed = new EmulatorCommandLine().Parse(["--revision", "sideways"]);

        Assert.NotEmpty(parsed.Errors);
    }
}
