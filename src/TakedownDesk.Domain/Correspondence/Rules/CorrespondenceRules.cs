using TakedownDesk.Domain.Common;

namespace TakedownDesk.Domain.Correspondence.Rules;

/// <summary>A reply already on a request stays there: moving it would move sealed content between victims' keys.</summary>
public sealed class OnlyQueuedMailCanBeTriaged(InboundEmailState state) : IBusinessRule
{
    public bool IsBroken() => state != InboundEmailState.Unmatched;

    public string Message => "This e-mail is no longer in the inbox queue.";
}

/// <summary>A reply's meaning is confirmed once: a second click must not record a second acknowledgment or outcome.</summary>
public sealed class AReplyIsConfirmedOnce(InboundEmailState state) : IBusinessRule
{
    public bool IsBroken() => state != InboundEmailState.Matched;

    public string Message => "Only a reply on a request whose meaning is not yet confirmed can be confirmed.";
}

public sealed class AConfirmedReplyHasAMeaning(ReplyMeaning meaning) : IBusinessRule
{
    public bool IsBroken() => meaning == ReplyMeaning.Unclear;

    public string Message => "Choose what the reply means: acknowledgment, removed, refused or more information asked.";
}
