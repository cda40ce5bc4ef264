// A Generic Host worker: the client comes from AddEcsSpecClient bound to appsettings.json, logs go to the console.
// By default it starts the local emulator and points the configuration at it; with --live it uses appsettings.json
// as is (RegionId, credentials from ALIBABA_CLOUD_ACCESS_KEY_*):
//   dotnet run --project samples/AliEcsSpec.Samples.HostedWorker [-- --live] [-- --Resize:InstanceId=i-fleet-002]
// Exit codes: 0 after the resize, 1 when it was refused, 2 for a bad command line (usage on stderr).
using AliEcsSpec.Emulator;
using AliEcsSpec.Samples;
using AliEcsSpec.Samples.HostedWorker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var commandLine = new WorkerCommandLine();
var (parsed, exitCode) = await SampleCommandLine.ParseAsync(commandLine.Command, args);
if (parsed is null)
{
    return exitCode;
}

var (live, hostArguments, refusal) = commandLine.Read(parsed);
if (refusal is not null)
{
    return SampleCommandLine.RefuseUsage(commandLine.Command, [refusal]);
}

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = hostArguments,
    ContentRootPath = AppContext.BaseDirectory,
});

await using var emulator = live ? null : await EcsEmulator.StartAsync();
if (emulator is not null)
{
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["AliEcsSpec:Endpoint"] = emulator.Endpoint.ToString(),
        ["AliEcsSpec:AccessKeyId"] = emulator.AccessKeyId,
        ["AliEcsSpec:AccessKeySecret"] = emulator.AccessKeySecret,
    });
}

builder.Services.AddEcsSpecClient(builder.Configuration.GetSection("AliEcsSpec"));
builder.Services.Configure<ResizeSettings>(builder.Configuration.GetSection("Resize"));
builder.Services.AddHostedService<ResizeWorker>();

using var host = builder.Build();
await host.RunAsync();
return Environment.ExitCode;
