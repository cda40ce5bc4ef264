using AliEcsSpec.Client;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AliEcsSpec.Samples.HostedWorker;

/// <summary>What to resize, from the <c>Resize</c> section of appsettings.json.</summary>
internal sealed class ResizeSettings
{
    public string InstanceId { get; set; } = string.Empty;

    public string InstanceType { get; set; } = string.Empty;
}

/// <summary>Resizes one pay-as-you-go instance, logs the outcome and stops the host.</summary>
internal sealed partial class ResizeWorker(
    IEcsSpecClient client, IOptions<ResizeSettings> settings, IHostApplicationLifetime lifetime, ILogger<ResizeWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var resize = settings.Value;
        var token = Guid.NewGuid().ToString();
        LogResizing(resize.InstanceId, resize.InstanceType, token);
        var result = await client.TryModifyInstanceSpecAsync(
            new ModifyInstanceSpecRequest { InstanceId = resize.InstanceId, InstanceType = resize.InstanceType, ClientToken = token },
            stoppingToken);
        if (result.IsSuccess)
        {
            LogResized(resize.InstanceId, result.Value.RequestId);
        }
        else
        {
            LogRefused(resize.InstanceId, result.Error.ErrorCode, result.Error.Message);
            Environment.ExitCode = 1;
        }

        lifetime.StopApplication();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Resizing {InstanceId} to {InstanceType} (ClientToken {ClientToken})")]
    private partial void LogResizing(string instanceId, string instanceType, string clientToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Resized {InstanceId} (RequestId {RequestId})")]
    private partial void LogResized(string instanceId, string requestId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Resize of {InstanceId} refused: {ErrorCode} {Message}")]
    private partial void LogRefused(string instanceId, string? errorCode, string message);
}
