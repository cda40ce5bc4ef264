namespace AliEcsSpec.Client.Workflow;

/// <summary>
/// The pauses between polls: the first interval, doubled after each poll up to the maximum, and never past the
/// deadline. A change that applies in seconds is seen within seconds; a long wait costs one call every maximum interval.
/// </summary>
internal static class PollSchedule
{
    /// <summary>The pause after poll number <paramref name="poll"/> (1 for the first), before the time left is applied.</summary>
    public static TimeSpan Interval(int poll, TimeSpan first, TimeSpan max)
    {
        var interval = first;
        for (var i = 1; i < poll && interval < max; i++)
        {
            interval += interval;
        }

        return interval < max ? interval : max;
    }

    /// <summary>The pause after poll <paramref name="poll"/>, shortened to what is left until the deadline.</summary>
    public static TimeSpan Pause(int poll, TimeSpan first, TimeSpan max, TimeSpan left) =>
        TimeSpan.FromTicks(Math.Clamp(Interval(poll, first, max).Ticks, 0, Math.Max(left.Ticks, 0)));
}
