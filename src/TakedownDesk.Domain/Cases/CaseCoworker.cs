using System.ComponentModel.DataAnnotations;
using TakedownDesk.Domain.Common;

namespace TakedownDesk.Domain.Cases;

/// <summary>Why a staff member works a case beside its caseworker.</summary>
public enum CoworkerReason
{
    [Display(Name = "Added as a co-worker")]
    Added,
    [Display(Name = "Previous caseworker, during the handover")]
    Handover,
}

/// <summary>
/// A staff member who may open and work a case as its caseworker does. Access ends at <see cref="EndsAtUtc"/> (a handover's
/// grace, or the moment someone removed them); the row stays as the record of who had access, and until when.
/// </summary>
public sealed class CaseCoworker : Entity
{
    private CaseCoworker()
    {
        StaffId = string.Empty;
        AddedBy = string.Empty;
    }

    internal CaseCoworker(Guid caseId, string staffId, string addedBy, CoworkerReason reason, DateTime nowUtc, DateTime? endsAtUtc)
    {
        Id = Guid.NewGuid();
        CaseId = caseId;
        StaffId = staffId;
        AddedBy = addedBy;
        Reason = reason;
        AddedAtUtc = Utc.Require(nowUtc);
        EndsAtUtc = endsAtUtc is { } ends ? Utc.Require(ends) : null;
    }

    public Guid CaseId { get; private set; }

    public string StaffId { get; private set; }

    public string AddedBy { get; private set; }

    public CoworkerReason Reason { get; private set; }

    public DateTime AddedAtUtc { get; private set; }

    /// <summary>Null: until someone removes them.</summary>
    public DateTime? EndsAtUtc { get; private set; }

    /// <summary>The same comparison the database makes when it filters the cases a caseworker may open (Loading.VisibleTo).</summary>
    public bool IsActiveAt(DateTime instantUtc) => EndsAtUtc is null || instantUtc < EndsAtUtc;

    internal void EndAt(DateTime instantUtc) => EndsAtUtc = instantUtc;

    internal void KeepUntilRemoved()
    {
        Reason = CoworkerReason.Added;
        EndsAtUtc = null;
    }
}
