using Microsoft.Extensions.Time.Testing;

namespace AliEcsSpec.Tests;

/// <summary>Runs calls on a fake clock, so that back-offs and time-outs elapse without any real waiting.</summary>
internal static class FakeClock
{
    /// <summary>
    /// Moves <paramref name="time"/> on in 100 ms steps, pausing <paramref name="realPause"/> (1 ms by default; longer
    /// when real I/O must keep pace) between steps, until <paramref name="call"/> ends. Fails if it is still running
    /// after an hour of fake time.
    /// </summary>
    public static async Task<T> RunAsync<T>(this FakeTimeProvider time, Task<T> call, TimeSpan? realPause = null)
    {
        var deadline = time.GetUtcNow().AddHours(1);
        while (!call.IsCompleted)
        {
            Assert.True(time.GetUtcNow() < deadline, "the call did not finish within an hour of fake time");
            await Task.Delay(realPause ?? TimeSpan.FromMilliseconds(1));
            time.Advance(TimeSpan.FromMilliseconds(100));
        }

        return await call;
    }
}
