using System.Net;
using AliEcsSpec.Emulator.Tests.Support;

namespace AliEcsSpec.Emulator.Tests.Hosting;

/// <summary><c>aliecs-emulator</c> as a process: its exit codes, its streams, and how it stops.</summary>
public sealed class ToolProcessTests
{
    [Fact]
    public async Task Tool_Help_PrintsTheUsageToStdoutAndExits0()
    {
        var (exitCode, output, error) = await ToolProcess.RunAsync("--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("--throttle-rate", output, StringComparison.Ordinal);
        Assert.Contains("--fault-rate", output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, error);
    }

    [Theory]
    [InlineData("--port", "abc")]
    [InlineData("--revision", "foo")]
    public async Task Tool_BadValue_Exits2WithTheReasonAndTheUsageOnStderr(string option, string value)
    {
        var (exitCode, output, error) = await ToolProcess.RunAsync(option, value);

        Assert.Equal(2, exitCode);
        Assert.Contains(value, error, StringComparison.Ordinal);
        Assert.Contains("Usage:", error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
    }

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task Tool_Signal_StopsWithin2SecondsWithExitCode0(string signal)
    {
        using var tool = ToolProcess.Start("--port", "0", "--admin");
        var endpoint = await tool.ListeningAsync();
        using var http = new HttpClient();
        var state = await http.GetAsync(new Uri(endpoint, EcsEmulator.StateRoute));

        tool.Signal(signal);
        var exitCode = await tool.WaitForExitAsync(TimeSpan.FromSeconds(2));

        Assert.Equal(HttpStatusCode.OK, state.StatusCode);
        Assert.Equal(0, exitCode);
    }
}
