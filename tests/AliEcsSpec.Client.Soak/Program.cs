using System.Diagnostics;
using System.Globalization;
using AliEcsSpec.Client;
using AliEcsSpec.Client.Credentials;
using AliEcsSpec.Client.Resilience.RateLimiting;
using AliEcsSpec.Client.Soak;
using AliEcsSpec.Client.Soak.Audit;
using AliEcsSpec.Client.Soak.Calls;
using AliEcsSpec.Client.Soak.Faults;
using AliEcsSpec.Client.Soak.Fleet;
using AliEcsSpec.Client.Soak.Report;
using AliEcsSpec.Client.Soak.Secrets;
using AliEcsSpec.Client.Soak.Wire;
using AliEcsSpec.Client.Soak.Workflow;
using AliEcsSpec.Client.Workflow;
using AliEcsSpec.Emulator;
using AliEcsSpec.Tests;
using Microsoft.Extensions.Logging;
using AliEcsSpec.Client.Resilience;

// The fault soak: the emulator in-process on loopback, random faults drawn from the seed, thousands of logical calls
// of both operations from concurrent callers, then resize plans run end to end with ResizeInstanceAsync under the same
// faults, then the figures and the required zeros from the emulator's records.
// Exit code: 0 when every required zero is zero, 1 when one is not, 2 for a bad command line.
SoakSettings settings;
try
{
    settings = SoakSettings.Parse(args);
}
catch (ArgumentException exception)
{
    await Console.Error.WriteLineAsync(exception.Message);
    return 2;
}

// Printed before anything can go wrong, so that even a crashed run can be replayed.
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"soak seed {settings.Seed}: {settings.ReplayCommand}"));

var scanWorks = SecretsCheck.ScanFindsAPlantedSecret();
using var witness = new SecretsWitness();
using var loggerFactory = witness.CreateLoggerFactory();
var fleet = SoakFleet.Create(settings.Calls, settings.Callers, settings.Seed);
var resizes = WorkflowSoak.Create(settings.Resizes);
var mix = new FaultMix(SoakSettings.SlowReply, SoakSettings.AttemptTimeout);

await using var emulator = await EcsEmulator.StartAsync(new EcsEmulatorOptions
{
    Seed = fleet.Seed with { Instances = [.. fleet.Seed.Instances, .. resizes.Instances] },
    // Changes apply at once and an instance may change again right away: the soak is about the client under
    // faults, and the documented five-minute wait between changes would turn most calls into business errors.
    ApplyDelay = TimeSpan.Zero,
    ChangeCooldown = TimeSpan.Zero,
    // The workflow phase waits for each stop and start: short, so that its polls meet both states.
    StopDelay = WorkflowSoak.Transition,
    StartDelay = WorkflowSoak.Transition,
});

// STS credentials from the emulator's AssumeRole, fetched by the client's own provider before any fault is on.
var stsContext = new CredentialsContext(ProcessEnvironmentVariables.Instance, TimeProvider.System, loggerFactory.CreateLogger("AliEcsSpec.Client.Credentials"))
{
    StsEndpointOverride = emulator.Endpoint,
};
var accessKey = new AlibabaCloudCredentials(emulator.AccessKeyId, emulator.AccessKeySecret);
var sts = await new RamRoleArnCredentialsProvider(
    new StaticCredentialsProvider(accessKey),
    new RamRoleArnOptions { RoleArn = EmulatorSeed.DemoRoleArn, RoleSessionName = "soak", DurationSeconds = 43_200 },
    stsContext).GetCredentialsAsync();

var wire = new WireLog();
using var accessKeyClient = CreateClient(accessKey, TimeProvider.System);
// The other client also lives on a machine whose clock is 20 minutes fast, and must learn the server's time.
var fastClock = new FastClock(TimeSpan.FromMinutes(20));
using var stsClient = CreateClient(sts, fastClock);

emulator.Faults.Random(settings.FaultRate, settings.Seed, mix.Draws, FaultDrawKey.InstanceCallOrder);
var planner = new CallPlanner(fleet, emulator.State, settings.Seed, settings.Calls, settings.Callers);
var callers = new SoakCallers(planner, [accessKeyClient, stsClient], witness, SoakSettings.Watchdog);
var tenth = Math.Max(1, settings.Calls / 10);
var progress = new Progress<int>(done =>
{
    if (done % tenth == 0)
    {
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {done} / {settings.Calls} calls"));
    }
});

var clock = Stopwatch.StartNew();
var outcomes = await callers.RunAsync(settings.Calls, settings.Callers, progress);
var wallTime = clock.Elapsed;
emulator.Faults.Clear();

// An attempt the client gave up on may still be on its way into the emulator; let it land before the records are read.
await Task.Delay(SoakSettings.SlowReply + TimeSpan.FromSeconds(1));

var audit = SoakAudit.Of(outcomes, wire, emulator.State, mix);
var attemptsOutsideAnyCall = wire.OutsideAnyCall;

// The workflow phase: the same faults (drawn from the next seed), one resize plan per instance of its own fleet.
Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  resizing {settings.Resizes} instances with ResizeInstanceAsync"));
emulator.Faults.Random(settings.FaultRate, unchecked(settings.Seed + 1), mix.Draws, FaultDrawKey.InstanceCallOrder);
var resizeClock = Stopwatch.StartNew();
await resizes.RunAsync(accessKeyClient, settings.Seed, settings.Callers, new EcsWorkflowOptions
{
    FirstPollInterval = WorkflowSoak.Transition,
    MaxPollInterval = WorkflowSoak.Transition * 4,
    WaitTimeout = TimeSpan.FromSeconds(30),
    Logger = loggerFactory.CreateLogger("AliEcsSpec.Client.Workflow"),
});
var resizeWallTime = resizeClock.Elapsed;
emulator.Faults.Clear();
await Task.Delay(SoakSettings.SlowReply + TimeSpan.FromSeconds(1));
var workflow = resizes.Audit(emulator.State);
var secrets = new SecretsCheck(emulator.AccessKeySecret, sts, wire.Signatures);
var (leaks, leakExamples) = secrets.LeaksIn(witness);
var report = new SoakReport
{
    Settings = settings,
    Fleet = fleet,
    Shape = planner.Shape,
    Mix = mix,
    ClockSkew = fastClock.Skew,
    Outcomes = outcomes,
    Audit = audit,
    AttemptsOutsideAnyCall = attemptsOutsideAnyCall,
    Workflow = workflow,
    WorkflowWallTime = resizeWallTime,
    BudgetLeft = RetryBudget.Shared.Available,
    WallTime = wallTime,
    LinesScanned = witness.LinesKept,
    SignaturesSearched = secrets.Signatures,
    Leaks = leaks,
    LeakExamples = leakExamples,
    ScanWorks = scanWorks,
};
report.Print(Console.Out);
return report.Passed ? 0 : 1;

EcsSpecClient CreateClient(AlibabaCloudCredentials credentials, TimeProvider clock)
{
    // Retries on with the client's defaults (MaxAttempts, the process-wide retry budget); only the waits are shorter.
    var options = new EcsSpecClientOptions
    {
        Endpoint = emulator.Endpoint,
        AccessKeyId = credentials.AccessKeyId,
        AccessKeySecret = credentials.AccessKeySecret,
        SecurityToken = credentials.SecurityToken,
    };
    options.Retry.BaseDelay = SoakSettings.BaseDelay;
    options.Retry.ThrottlingBaseDelay = SoakSettings.ThrottlingBaseDelay;
    options.Retry.MaxDelay = SoakSettings.MaxDelay;
    options.Retry.AttemptTimeout = SoakSettings.AttemptTimeout;
    options.Retry.TotalTimeout = SoakSettings.TotalTimeout;
    // The soak's throttles are random draws on every kind of call, not a quota; the adaptive limiter takes each as a
    // sign of a quota shared with other clients and slows the key down (50 resize plans took 120 s instead of 1 s).
    // The fleet benchmark (build/fleet.sh) is where the limiter is measured; here the retry path is.
    options.RateLimit.Mode = RateLimitMode.Off;
    var socket = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false };
    return EcsSpecClient.Create(options, new WireRecorder(wire) { InnerHandler = socket }, clock, loggerFactory);
}
