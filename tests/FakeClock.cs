using Microsoft.Extensions.Time.Testing;

namespace AliEcsSpec.Tests;

/// <summary>Runs calls on a fake clock, so that back-offs and time-outs elapse without any real waiting.</summary>
internal static class FakeClock
{
    /// <summary>
    /// Moves <paramref name="time"/> on in steps of <paramref name="step"/> (100 ms by default), pausing
    /// <paramref name="realPause"/> (1 ms by default; longer when real I/O must keep pace) between steps, until
    /// <paramref name="call"/> ends. Fails if it is still running after an hour of fake time. A longer step suits calls
    /// whose attempts complete at once (a synchronous handler), where only back-offs and time-outs take fake time.
    /// </summary>
    public static async Task<T> RunAsync<T>(this FakeTimeProvider time, Task<T> call, TimeSpan? realPause = null, TimeSpan? step = null)
    {
        var deadline = time.GetUtcNow().AddHours(1);
        while (!call.IsCompleted)
        {
            Assert.True(time.GetUtcNow() < deadline, "the call did not finish within an hour of fake time");
            await Task.Delay(realPause ?? TimeSpan.FromMilliseconds(1));
            time.Advance(step ?? TimeSpan.FromMilliseconds(100));
        }

        return await call;
    }
}
