using TakedownDesk.Domain.Common;

namespace TakedownDesk.Domain.Messaging.Rules;

/// <summary>
/// The connection dropped after the server had the whole message, so it may have arrived: re-sending blindly could
/// put a second removal request or alert in front of its recipient. Staff check first and say so.
/// </summary>
public sealed class UnknownOutcomeResentOnlyWhenConfirmed(OutboxState state, bool confirmedNotDelivered) : IBusinessRule
{
    public bool IsBroken() => state == OutboxState.OutcomeUnknown && !confirmedNotDelivered;

    public string Message =>
        "This e-mail may already have arrived (the connection dropped after it was sent). Check with the recipient first, then confirm to send it again.";
}
