using System.Runtime.InteropServices;

namespace AliEcsSpec.Emulator.Tool;

/// <summary>
/// SIGINT (Ctrl+C) and SIGTERM (<c>kill</c>, <c>docker stop</c>, a CI runner's cleanup) as one cancellation: the
/// tool then stops the emulator and exits 0, instead of being torn down by the runtime mid-answer.
/// </summary>
internal sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration[] _registrations;

    public ShutdownSignal() =>
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];

    /// <summary>Cancelled when either signal arrives.</summary>
    public CancellationToken Token => _stop.Token;

    public void Dispose()
    {
        // Registrations first, so no signal handler runs against a disposed source.
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _stop.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        context.Cancel = true;
        _stop.Cancel();
    }
}
