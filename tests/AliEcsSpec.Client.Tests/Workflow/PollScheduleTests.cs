using AliEcsSpec.Client.Workflow;

namespace AliEcsSpec.Client.Tests.Workflow;

/// <summary>The pauses between polls: 2 s doubling up to 15 s, and never past the deadline.</summary>
public sealed class PollScheduleTests
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(15);

    public static TheoryData<int, double> Intervals => new()
    {
        { 1, 2 }, { 2, 4 }, { 3, 8 }, { 4, 15 }, { 5, 15 }, { 1000, 15 },
    };

    public static TheoryData<int, double, double> Pauses => new()
    {
        { 1, 60, 2 },     // plenty of time: the interval
        { 3, 5, 5 },      // 8 s due, 5 s left: the last poll lands on the deadline
        { 4, 15, 15 },
        { 2, 0, 0 },      // deadline reached: no pause, the waiter gives up
        { 2, -3, 0 },     // past it (a slow poll): no pause either
    };

    [Theory]
    [MemberData(nameof(Intervals))]
    public void Interval_AfterPoll_DoublesFromTheFirstUpToTheMaximum(int poll, double seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), PollSchedule.Interval(poll, First, Max));
    }

    [Theory]
    [MemberData(nameof(Pauses))]
    public void Pause_WithTimeLeft_IsTheIntervalCutToTheDeadline(int poll, double leftSeconds, double seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), PollSchedule.Pause(poll, First, Max, TimeSpan.FromSeconds(leftSeconds)));
    }
}
