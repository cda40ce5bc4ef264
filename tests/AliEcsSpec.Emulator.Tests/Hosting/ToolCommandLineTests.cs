using AliEcsSpec.Emulator.Tool;

namespace AliEcsSpec.Emulator.Tests.Hosting;

/// <summary>The tool's command line, parsed in-process: every option reaches the emulator's options, bad values do not.</summary>
public sealed class ToolCommandLineTests
{
    [Fact]
    public void Parse_NoArguments_Port8085TheDemoFleetAndNoFaults()
    {
        var commandLine = new EmulatorCommandLine();

        var settings = commandLine.Read(commandLine.Parse([]));

        Assert.Equal((8085, EmulatorSeed.Demo, false, null), (settings.Options.Port, settings.Options.Seed, settings.Options.EnableAdminRoutes, settings.Options.ThrottleRequestsPerSecond));
        Assert.Null(settings.RandomFaults);
    }

    [Fact]
    public void Parse_EveryOption_ReachesTheOptions()
    {
        var commandLine = new EmulatorCommandLine();

        var parsed = commandLine.Parse([
            "--port", "0", "--admin", "--apply-delay", "1.5", "--stop-delay", "2", "--start-delay", "0", "--change-cooldown", "0", "--revision", "older", "--order-id-as-number",
            "--throttle-rate", "2.5", "--throttle-burst", "3", "--retry-after", "4", "--no-metadata-service", "--no-imdsv2",
            "--metadata-credential-lifetime", "60", "--fault-rate", "0.25", "--fault-seed", "42", "--fault-mix", "bad-gateway,clock-skew",
            "--fault-key", "instance-call-order"]);
        var settings = commandLine.Read(parsed);
        var o = settings.Options;

        Assert.Empty(parsed.Errors);
        Assert.Equal(
            (0, true, TimeSpan.FromSeconds(1.5), TimeSpan.Zero, EmulatorDocumentRevision.Older, true),
            (o.Port, o.EnableAdminRoutes, o.ApplyDelay, o.ChangeCooldown, o.DocumentRevision, o.OrderIdAsNumber));
        Assert.Equal((TimeSpan.FromSeconds(2), TimeSpan.Zero), (o.StopDelay, o.StartDelay));
        Assert.Equal((2.5, 3, TimeSpan.FromSeconds(4)), (o.ThrottleRequestsPerSecond, o.ThrottleBurst, o.ThrottleRetryAfter));
        Assert.Equal((false, false, false, TimeSpan.FromMinutes(1)), (o.EnableMetadataService, o.SupportImdsV2, o.RequireImdsV2, o.MetadataCredentialLifetime));
        var faults = settings.RandomFaults!;
        Assert.Equal((0.25, 42, FaultDrawKey.InstanceCallOrder), (faults.Rate, faults.Seed, faults.Key));
        Assert.Equal([InjectedFault.NonJsonBadGateway, InjectedFault.ClockSkew], faults.Mix);
    }

    [Fact]
    public void Parse_FaultRateAlone_DrawsTheTransientErrors()
    {
        var commandLine = new EmulatorCommandLine();

        var settings = commandLine.Read(commandLine.Parse(["--fault-rate", "0.1"]));

        Assert.Equal(InjectedFault.Transient, settings.RandomFaults!.Mix);
    }

    [Fact]
    public void Parse_SeedFile_StartsFromThatFleet()
    {
        var path = Path.Combine(Path.GetTempPath(), $"aliecs-seed-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "Regions": ["cn-qingdao"], "Accounts": [{ "AccessKeyId": "id", "AccessKeySecret": "secret" }] }""");
        try
        {
            var commandLine = new EmulatorCommandLine();

            var settings = commandLine.Read(commandLine.Parse(["--seed", path]));

            Assert.Equal("id", Assert.Single(settings.Options.Seed.Accounts).AccessKeyId);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("--port", "abc")]
    [InlineData("--port", "70000")]
    [InlineData("--port", "-1")]
    [InlineData("--revision", "foo")]
    [InlineData("--seed", "/no/such/seed.json")]
    [InlineData("--apply-delay", "NaN")]
    [InlineData("--apply-delay", "-1")]
    [InlineData("--stop-delay", "-1")]
    [InlineData("--start-delay", "NaN")]
    [InlineData("--fault-rate", "1.5")]
    [InlineData("--fault-rate", "0.1", "--fault-mix", "meteor")]
    [InlineData("--fault-rate", "0.1", "--fault-key", "random")]
    [InlineData("--throttle-rate", "0")]
    [InlineData("--throttle-rate", "1", "--throttle-burst", "0")]
    [InlineData("--throttle-burst", "3")]
    [InlineData("--retry-after", "1")]
    [InlineData("--fault-seed", "7")]
    [InlineData("--no-imdsv2", "--require-imdsv2")]
    [InlineData("--no-such-option")]
    public void Parse_BadCommandLine_IsAnError(params string[] args)
    {
        var parsed = new EmulatorCommandLine().Parse(args);

        Assert.NotEmpty(parsed.Errors);
    }
}
