using TakedownDesk.Domain.Common;

namespace TakedownDesk.Domain.Messaging.Rules;

/// <summary>
/// Only an e-mail that did not go out may be queued again: a sent one would reach its recipient twice, a pending one
/// is already queued, and an undeliverable one (its victim was erased) can never be opened.
/// </summary>
public sealed class OnlyUnsentMessagesCanBeRetried(OutboxState state) : IStateRule
{
    public bool IsBroken() => state is not (OutboxState.Failed or OutboxState.DeadLettered or OutboxState.OutcomeUnknown);

    public string Message => state switch
    {
        OutboxState.Sent => "This e-mail was sent; sending it again would deliver it twice.",
        OutboxState.Pending => "This e-mail is already waiting to be sent.",
        OutboxState.Undeliverable => "This e-mail can never be sent: the victim was erased, so its sealed content can no longer be opened.",
        _ => $"This e-mail is {state}: only a failed, dead-lettered or outcome-unknown e-mail can be sent again.",
    };
}
