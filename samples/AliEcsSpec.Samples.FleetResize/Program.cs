// Resizes a fleet of pay-as-you-go instances end to end (stop, change, wait, start) with ResizeInstanceAsync, with
// bounded parallelism, each instance's steps as they end and a summary. Runs against the local emulator (no account,
// no cost):
//   dotnet run --project samples/AliEcsSpec.Samples.FleetResize [-- --parallelism 4 --type ecs.g6.xlarge --instance ID ...]
// Exit codes: 0 when every instance was resized, 1 when any resize failed, 2 for a bad command line (usage on stderr).
using System.CommandLine;
using System.Globalization;
using AliEcsSpec.Samples;
using AliEcsSpec.Samples.FleetResize;

// The demo fleet: twelve instances, one locked for security, and one that does not exist.
string[] demoFleet = [.. Enumerable.Range(1, 12).Select(n => $"i-fleet-{n:000}"), "i-locked-01", "i-fleet-404"];
var parallelismOption = new Option<int>("--parallelism")
{
    Description = "How many resizes run at once.",
    HelpName = "N",
    DefaultValueFactory = _ => 4,
    CustomParser = result =>
    {
        var token = result.Tokens[0].Value;
        if (int.TryParse(token, CultureInfo.InvariantCulture, out var parallelism) && parallelism >= 1)
        {
            return parallelism;
        }

        result.AddError($"--parallelism must be a whole number of at least 1; it is {token}.");
        return 0;
    },
};
var typeOption = new Option<string>("--type") { Description = "The instance type to resize to.", HelpName = "INSTANCE_TYPE", DefaultValueFactory = _ => "ecs.g6.xlarge" };
var instanceOption = new Option<string[]>("--instance")
{
    Description = $"An instance to resize (repeatable); by default the demo fleet, {demoFleet[0]} to {demoFleet[^3]}, {demoFleet[^2]} and {demoFleet[^1]}.",
    HelpName = "ID",
};
var command = new RootCommand("Resizes a fleet of pay-as-you-go instances on the local emulator, a few at a time, and sums up the outcomes. Exits 1 when any resize failed.")
{
    parallelismOption, typeOption, instanceOption,
};
var (parsed, exitCode) = await SampleCommandLine.ParseAsync(command, args);
if (parsed is null)
{
    return exitCode;
}

var parallelism = parsed.GetValue(parallelismOption);
var targetType = parsed.GetValue(typeOption)!;
var fleet = (parsed.GetValue(instanceOption) is { Length: > 0 } chosen ? chosen.Distinct(StringComparer.Ordinal) : demoFleet).ToList();

return await FleetRun.RunAsync(fleet, parallelism, targetType, Console.Out);
