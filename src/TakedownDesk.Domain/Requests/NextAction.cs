using System.ComponentModel.DataAnnotations;

namespace TakedownDesk.Domain.Requests;

/// <summary>What staff do next for an open request, as the deadline board shows it.</summary>
public enum NextAction
{
    [Display(Name = "Wait for and record the platform's acknowledgment")]
    RecordAcknowledgment,

    [Display(Name = "Check the locations and record what was removed")]
    CheckRemoval,

    [Display(Name = "Deadline missed: check the locations and escalate")]
    Escalate,

    [Display(Name = "Send the follow-up that is ready")]
    SendFollowUp,
}

public static class NextActions
{
    /// <summary>A drafted follow-up waiting for staff comes first, then a missed deadline (before the sweep marks it overdue too).</summary>
    public static NextAction For(RequestStatus status, bool deadlinePassed, bool followUpReady) =>
        followUpReady ? NextAction.SendFollowUp
        : deadlinePassed || status == RequestStatus.Overdue ? NextAction.Escalate
        : status == RequestStatus.Acknowledged ? NextAction.CheckRemoval
        : NextAction.RecordAcknowledgment;
}
