using TakedownDesk.Domain.Escalations;
using TakedownDesk.Domain.Escalations.Rules;
using TakedownDesk.Domain.Messaging;
using TakedownDesk.Domain.Messaging.Rules;
using TakedownDesk.UnitTests.Builders;

namespace TakedownDesk.UnitTests.Messaging;

public class RetryRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 28, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_dead_letter_goes_back_to_pending_now_with_a_fresh_allowance_of_attempts()
    {
        var message = Message();
        message.MarkDeadLettered("554 refused");

        message.Requeue(Now.AddHours(1), confirmedNotDelivered: false);

        Assert.Equal((OutboxState.Pending, 0, Now.AddHours(1)), (message.State, message.Attempts, message.NextAttemptAtUtc));
    }

    [Fact]
    public void An_outcome_unknown_message_is_resent_only_once_staff_confirm_it_did_not_arrive()
    {
        var message = Message();
        message.MarkOutcomeUnknown("connection dropped after data");

        var refused = Rule.Broken(nameof(UnknownOutcomeResentOnlyWhenConfirmed), () => message.Requeue(Now, confirmedNotDelivered: false));
        Assert.False(refused.IsStateConflict);
        Assert.Equal(OutboxState.OutcomeUnknown, message.State);

        message.Requeue(Now, confirmedNotDelivered: true);
        Assert.Equal(OutboxState.Pending, message.State);
    }

    [Fact]
    public void A_sent_or_queued_message_is_not_retried_and_the_refusal_is_a_state_conflict()
    {
        var pending = Message();
        var sent = Message();
        sent.MarkSent(Now);

        Assert.True(Rule.Broken(nameof(OnlyUnsentMessagesCanBeRetried), () => pending.Requeue(Now, confirmedNotDelivered: true)).IsStateConflict);
        var refused = Rule.Broken(nameof(OnlyUnsentMessagesCanBeRetried), () => sent.Requeue(Now, confirmedNotDelivered: true));
        Assert.Equal("This e-mail was sent; sending it again would deliver it twice.", refused.Message);
        Assert.Equal(OutboxState.Sent, sent.State);
    }

    [Fact]
    public void A_step_that_has_not_failed_is_not_retried()
    {
        var step = new EscalationStep(Guid.NewGuid(), Guid.NewGuid(), EscalationKind.Reminder12hBefore, Now);

        var refused = Rule.Broken(nameof(OnlyFailedStepsCanBeRetried), () => step.Retry(Now.AddHours(1)));

        Assert.True(refused.IsStateConflict);
        Assert.Equal((EscalationState.Pending, Now), (step.State, step.NextRunAtUtc));
    }

    private static OutboxMessage Message() => new($"test:{Guid.NewGuid()}", "takeitdown@x.example", "Request R-1", "<p>notice</p>", "notice", Now);
}
