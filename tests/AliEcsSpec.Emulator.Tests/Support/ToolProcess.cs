using System.Diagnostics;

namespace AliEcsSpec.Emulator.Tests.Support;

/// <summary>
/// The built <c>aliecs-emulator</c> run as its own process (<c>dotnet exec</c> of the tool project's output, built
/// first because the test project references it), with its standard streams captured line by line.
/// </summary>
internal sealed class ToolProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];
    private readonly List<string> _error = [];
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ToolProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => OnLine(_output, e.Data, listening: true);
        process.ErrorDataReceived += (_, e) => OnLine(_error, e.Data, listening: false);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public string Output => Lines(_output);

    public string Error => Lines(_error);

    /// <summary>The tool's assembly, under the configuration (Debug, Release) the tests were built in.</summary>
    public static string ToolPath()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var dll = Path.Combine(RepositoryPaths.Root(), "src", "AliEcsSpec.Emulator.Tool", "bin", configuration, "net10.0", "AliEcsSpec.Emulator.Tool.dll");
        Assert.True(File.Exists(dll), $"{dll} was not built");
        return dll;
    }

    public static ToolProcess Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(ToolPath());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return new ToolProcess(Process.Start(start)!);
    }

    /// <summary>Runs the tool to its end (at most 30 seconds) and returns its exit code and streams.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        using var tool = Start(arguments);
        var exitCode = await tool.WaitForExitAsync(TimeSpan.FromSeconds(30)) ?? throw new TimeoutException("The tool did not exit within 30 seconds.");
        return (exitCode, tool.Output, tool.Error);
    }

    /// <summary>The endpoint of the "listening on" line, once the tool has printed it (within 30 seconds).</summary>
    public Task<Uri> ListeningAsync() => _listening.Task.WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>Sends a POSIX signal (<c>kill -TERM</c>, <c>kill -INT</c>): what a terminal, a CI runner or Docker sends.</summary>
    public void Signal(string name)
    {
        using var kill = Process.Start("kill", ["-" + name, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>The exit code, or null when the tool is still running after <paramref name="limit"/>.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan limit)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            return null;
        }

        // The parameterless wait also drains the redirected streams, so Output and Error are complete.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void OnLine(List<string> lines, string? line, bool listening)
    {
        if (line is null)
        {
            return;
        }

        lock (lines)
        {
            lines.Add(line);
        }

        const string Marker = "listening on ";
        var at = line.IndexOf(Marker, StringComparison.Ordinal);
        if (listening && at >= 0)
        {
            _listening.TrySetResult(new Uri(line[(at + Marker.Length)..].Trim()));
        }
    }

    private static string Lines(List<string> lines)
    {
        lock (lines)
        {
            return string.Join('\n', lines);
        }
    }
}
