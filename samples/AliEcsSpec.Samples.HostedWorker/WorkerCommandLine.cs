using System.CommandLine;

namespace AliEcsSpec.Samples.HostedWorker;

/// <summary>
/// The worker's command line: <c>--live</c>, and the Generic Host's own configuration arguments
/// (<c>--Resize:InstanceId=i-…</c> or <c>--Resize:InstanceId i-…</c>, <c>--environment Staging</c>), which go on
/// to the host. A configuration key the worker does not read would be ignored without a word, so one outside its
/// sections (and the host's settings) is refused like an unknown option.
/// </summary>
internal sealed class WorkerCommandLine
{
    private static readonly string[] Sections = ["AliEcsSpec", "Resize", "Logging"];

    private static readonly string[] HostSettings = ["environment", "applicationName"];

    private readonly Option<bool> _live = new("--live")
    {
        Description = "Call the real service as appsettings.json says (RegionId; credentials from ALIBABA_CLOUD_ACCESS_KEY_*) instead of the local emulator.",
    };

    public WorkerCommandLine()
    {
        Command = new RootCommand(
            "A Generic Host worker that resizes one instance through AddEcsSpecClient, bound to appsettings.json; on the local emulator unless --live. "
            + $"Any key of appsettings.json can be set as --Section:Key=VALUE or --Section:Key VALUE (sections {string.Join(", ", Sections)}), "
            + "and the host's --environment NAME and --applicationName NAME.")
        {
            _live,
        };
        // The configuration arguments are not options of the command; Read checks them.
        Command.TreatUnmatchedTokensAsErrors = false;
    }

    public RootCommand Command { get; }

    /// <summary>Whether to call the real service, and the host's configuration arguments; or why the command line is refused.</summary>
    public (bool Live, string[] HostArguments, string? Error) Read(ParseResult result)
    {
        var tokens = result.UnmatchedTokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var key = token.StartsWith("--", StringComparison.Ordinal) ? token[2..].Split('=', 2)[0] : null;
            if (key is null || !IsReadByTheWorker(key))
            {
                return (false, [], $"Unrecognized command or argument '{token}'; configuration is --Section:Key=VALUE, with a section of {string.Join(", ", Sections)}.");
            }

            if (!token.Contains('=', StringComparison.Ordinal) && ++i == tokens.Count)
            {
                return (false, [], $"{token} needs a value.");
            }
        }

        return (result.GetValue(_live), [.. tokens], null);
    }

    private static bool IsReadByTheWorker(string key) =>
        HostSettings.Contains(key, StringComparer.OrdinalIgnoreCase)
        || (key.Split(':') is [var section, _, ..] && Sections.Contains(section, StringComparer.OrdinalIgnoreCase));
}
