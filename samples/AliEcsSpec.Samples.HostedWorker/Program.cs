// A Generic Host worker: the client comes from AddEcsSpecClient bound to appsettings.json, logs go to the console.
// By default it starts the local emulator and points the configuration at it; with --live it uses appsettings.json
// as is (RegionId, credentials from ALIBABA_CLOUD_ACCESS_KEY_*):
//   dotnet run --project samples/AliEcsSpec.Samples.HostedWorker [-- --live]
using AliEcsSpec.Emulator;
using AliEcsSpec.Samples.HostedWorker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var live = args.Contains("--live");
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = [.. args.Where(a => a != "--live")],
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
