using TakedownDesk.Domain.Common;

namespace TakedownDesk.Domain.Escalations.Rules;

/// <summary>
/// Staff may put back only a step that gave up (poisoned): a pending or claimed step is already going to run, and
/// running a done or cancelled one again would repeat its alerts or act on a request that has moved on.
/// </summary>
public sealed class OnlyFailedStepsCanBeRetried(EscalationState state) : IStateRule
{
    public bool IsBroken() => state != EscalationState.Failed;

    public string Message => state switch
    {
        EscalationState.Pending or EscalationState.Claimed => "This escalation step has not failed: it is already waiting to run.",
        EscalationState.Done => "This escalation step has already run; running it again would repeat its alerts.",
        _ => $"This escalation step is {state}: only a failed step can be retried.",
    };
}
