using System.CommandLine;

namespace AliEcsSpec.Samples.Quickstart;

/// <summary>What a real call needs; none of it for the emulator session.</summary>
internal sealed record QuickstartArguments(bool Live, string? Region, Uri? Endpoint, string? InstanceId, string? InstanceType, bool Prepaid);

/// <summary>
/// The command line: nothing for the session against the local emulator, or <c>--live</c> with what a real call
/// needs. Real calls cost money, so a real endpoint's options without <c>--live</c> are refused, not ignored.
/// </summary>
internal sealed class QuickstartCommandLine
{
    private readonly Option<bool> _live = new("--live") { Description = "Make one real call (costs money, changes a real instance); credentials from ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET." };

    private readonly Option<string> _region = new("--region") { Description = "The region of the instance (with --live).", HelpName = "ID" };

    private readonly Option<Uri> _endpoint = new("--endpoint")
    {
        Description = "The endpoint to call instead of https://ecs.REGION.aliyuncs.com (with --live).",
        HelpName = "URL",
        CustomParser = result =>
        {
            var token = result.Tokens[0].Value;
            if (Uri.TryCreate(token, UriKind.Absolute, out var uri))
            {
                return uri;
            }

            result.AddError($"--endpoint must be an absolute URL; it is {token}.");
            return null;
        },
    };

    private readonly Option<string> _instanceId = new("--instance-id") { Description = "The instance to change (with --live).", HelpName = "ID" };

    private readonly Option<string> _instanceType = new("--instance-type") { Description = "The instance type to change it to (with --live).", HelpName = "TYPE" };

    private readonly Option<bool> _prepaid = new("--prepaid") { Description = "A subscription instance: ModifyPrepayInstanceSpec instead of ModifyInstanceSpec (with --live)." };

    public QuickstartCommandLine()
    {
        Command = new RootCommand("The quick start: a session against the local ECS emulator (no account, no network, no cost), or with --live one real call.")
        {
            _live, _region, _endpoint, _instanceId, _instanceType, _prepaid,
        };
        Command.Validators.Add(result =>
        {
            Option[] realCallOnly = [_region, _endpoint, _instanceId, _instanceType, _prepaid];
            var live = result.GetValue(_live);
            if (!live && realCallOnly.Any(o => result.GetResult(o) is not null))
            {
                result.AddError("Real calls cost money: add --live to talk to a real endpoint.");
            }

            if (live && new Option[] { _region, _instanceId, _instanceType }.Any(o => result.GetResult(o) is null))
            {
                result.AddError("--live needs --region, --instance-id and --instance-type.");
            }
        });
    }

    public RootCommand Command { get; }

    public QuickstartArguments Read(ParseResult result) => new(
        result.GetValue(_live),
        result.GetValue(_region),
        result.GetValue(_endpoint),
        result.GetValue(_instanceId),
        result.GetValue(_instanceType),
        result.GetValue(_prepaid));
}
