using System.CommandLine;

namespace AliEcsSpec.Samples;

/// <summary>
/// The samples' command-line contract, as a tool's: <c>--help</c> prints the usage to stdout and exits 0; a command
/// line that does not parse (an unknown argument, a bad value) prints the reasons and the usage to stderr and exits 2;
/// otherwise the sample runs, and its outcome is the exit code.
/// </summary>
internal static class SampleCommandLine
{
    public const int UsageError = 2;

    /// <summary>
    /// Parses <paramref name="args"/>; the parse result when the sample is to run, otherwise none and the exit code
    /// (0 after the help, 2 after refusing the command line).
    /// </summary>
    public static async Task<(ParseResult? Parsed, int ExitCode)> ParseAsync(RootCommand command, string[] args)
    {
        var parsed = command.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            return (null, RefuseUsage(command, parsed.Errors.Select(e => e.Message)));
        }

        if (parsed.Action is not null)
        {
            // --help or --version.
            return (null, await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }).ConfigureAwait(false));
        }

        return (parsed, 0);
    }

    /// <summary>Writes the reasons and the usage to stderr (stdout stays for what a script reads) and returns 2.</summary>
    public static int RefuseUsage(RootCommand command, IEnumerable<string> reasons)
    {
        foreach (var reason in reasons)
        {
            Console.Error.WriteLine(reason);
        }

        Console.Error.WriteLine();
        command.Parse(["--help"]).Invoke(new InvocationConfiguration { Output = Console.Error, ProcessTerminationTimeout = null });
        return UsageError;
    }
}
