using System.Globalization;
using System.Text;

namespace AliEcsSpec.Client.Fleet;

/// <summary>The results file the README links: how the figures were made, on what machine, and the table.</summary>
internal static class ResultsDocument
{
    public static string Render(IReadOnlyList<FleetResult> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("# Fleet benchmark results");
        text.AppendLine();
        text.AppendLine("Made by `bash build/fleet.sh` (no arguments): for each throttling rate R and number of callers C, N = 20·R");
        text.AppendLine("stopped pay-as-you-go instances are resized with ModifyInstanceSpec, one call each, by C callers sharing one client");
        text.AppendLine("with the default options, against the in-process emulator throttling each AccessKey at R requests per second with");
        text.AppendLine("the given burst. Every run starts cold (a new emulator, a new rate-limiter registry, a full retry budget). Attempts");
        text.AppendLine("and throttled attempts come from the emulator's own request log; \"changed twice\" from its record of changes.");
        text.AppendLine("The goal (issue 18): wall time within 1.10× the ideal N/R, no failed call, at most 5% throttled attempts, no");
        text.AppendLine("instance changed twice.");
        text.AppendLine();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} logical CPUs, {Environment.OSVersion}, .NET {Environment.Version}; load average at the end: {LoadAverage()}."));
        text.AppendLine();
        text.AppendLine(FleetResult.TableHeader);
        foreach (var row in rows)
        {
            text.AppendLine(row.TableRow());
        }

        return text.ToString();
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "(unknown)";
        }
    }
}
