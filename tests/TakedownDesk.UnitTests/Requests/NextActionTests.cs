using TakedownDesk.Domain.Requests;

namespace TakedownDesk.UnitTests.Requests;

public sealed class NextActionTests
{
    [Theory]
    [InlineData(RequestStatus.Submitted, false, false, NextAction.RecordAcknowledgment)]
    [InlineData(RequestStatus.Acknowledged, false, false, NextAction.CheckRemoval)]
    [InlineData(RequestStatus.Submitted, true, false, NextAction.Escalate)]
    [InlineData(RequestStatus.Acknowledged, true, false, NextAction.Escalate)]
    [InlineData(RequestStatus.Overdue, true, false, NextAction.Escalate)]
    [InlineData(RequestStatus.Overdue, true, true, NextAction.SendFollowUp)]
    public void The_next_action_is_a_ready_follow_up_then_a_missed_deadline_then_what_the_status_awaits(
        RequestStatus status, bool deadlinePassed, bool followUpReady, NextAction expected)
    {
        Assert.Equal(expected, NextActions.For(status, deadlinePassed, followUpReady));
    }
}
