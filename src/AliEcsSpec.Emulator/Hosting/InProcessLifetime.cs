using Microsoft.Extensions.Hosting;

namespace AliEcsSpec.Emulator.Hosting;

/// <summary>
/// The emulator's host lifetime: it starts and stops when its owner says so, and nothing else. The default console
/// lifetime would take the process's Ctrl+C and SIGTERM for itself and stop the emulator, or keep the application
/// that embeds it from exiting.
/// </summary>
internal sealed class InProcessLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
