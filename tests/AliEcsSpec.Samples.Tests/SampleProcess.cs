using System.Diagnostics;

namespace AliEcsSpec.Samples.Tests;

/// <summary>How a sample's run ended: its exit code, and what it wrote to stdout and to stderr.</summary>
internal sealed record SampleRun(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Both streams, for the checks that do not care which one a line went to.</summary>
    public string Output => StandardOutput + StandardError;
}

/// <summary>Runs a built sample with <c>dotnet exec</c>, with a time limit, and captures what it prints.</summary>
internal static class SampleProcess
{
    public static async Task<SampleRun> RunAsync(string sample, params string[] arguments)
    {
        var dll = Path.Combine(RepositoryRoot(), "samples", sample, "bin", Configuration(), "net10.0", sample + ".dll");
        Assert.True(File.Exists(dll), $"{dll} was not built");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)! };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The samples must not depend on credentials of the machine they run on, nor ever reach for the real ECS
        // metadata service: every credential source is switched off or pointed at nothing.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("ALIBABA_CLOUD_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["ALIBABA_CLOUD_ECS_METADATA_DISABLED"] = "true";
        start.Environment["ALIBABA_CLOUD_CLI_PROFILE_DISABLED"] = "true";
        start.Environment["ALIBABA_CLOUD_CREDENTIALS_FILE"] = Path.Combine(Path.GetTempPath(), "aliecsspec-no-such-credentials.ini");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{sample} did not finish within 60 seconds:\n{await output}");
        }

        return new SampleRun(process.ExitCode, await output, await error);
    }

    private static string Configuration() =>
        new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AliEcsSpec.Client.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AliEcsSpec.Client.sln not found above " + AppContext.BaseDirectory);
    }
}
