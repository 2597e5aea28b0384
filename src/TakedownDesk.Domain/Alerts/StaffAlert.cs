using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Common;
using TakedownDesk.Domain.Escalations;

namespace TakedownDesk.Domain.Alerts;

/// <summary>
/// One thing one staff member must be told, written in the transaction of the step that caused it. <see cref="Key"/>
/// is unique ("step:{step}:to:{staff}"), so a step alerts each person once. Alerts that wait together are sent as one
/// e-mail: <see cref="OutboxMessageId"/> is set when that e-mail is queued. References only, never victim data.
/// </summary>
public sealed class StaffAlert : Entity
{
    private StaffAlert()
    {
        Key = string.Empty;
        StaffId = string.Empty;
        CaseReference = string.Empty;
        RequestReference = string.Empty;
        PlatformName = string.Empty;
        Status = string.Empty;
        Detail = string.Empty;
    }

    public StaffAlert(EscalationStep step, AlertKind kind, string staffId, AlertFacts facts, DateTime nowUtc)
        : this(KeyFor(step.Id, staffId), step.Id, step.DueAtUtc, kind, staffId, facts, nowUtc)
    {
    }

    private StaffAlert(string key, Guid stepId, DateTime stepDueAtUtc, AlertKind kind, string staffId, AlertFacts facts, DateTime nowUtc)
        : this()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(staffId);
        Id = Guid.NewGuid();
        Key = key;
        StepId = stepId;
        StepDueAtUtc = stepDueAtUtc;
        Kind = kind;
        StaffId = staffId;
        RequestId = facts.RequestId;
        CaseReference = facts.CaseReference;
        RequestReference = facts.RequestReference;
        PlatformName = facts.PlatformName;
        DeadlineAtUtc = facts.DeadlineAtUtc;
        Status = facts.Status;
        Detail = facts.Detail;
        CreatedAtUtc = Utc.Require(nowUtc);
    }

    public string Key { get; private set; }

    public Guid StepId { get; private set; }

    /// <summary>When the step was due: the start of the alert's latency.</summary>
    public DateTime StepDueAtUtc { get; private set; }

    public AlertKind Kind { get; private set; }

    public string StaffId { get; private set; }

    /// <summary>The request the alert is about; null for a location alert whose location is in no request.</summary>
    public Guid? RequestId { get; private set; }

    /// <summary>The case of a location alert (its e-mail links to the case page); null for request alerts.</summary>
    public Guid? CaseId { get; private set; }

    public string CaseReference { get; private set; }

    public string RequestReference { get; private set; }

    public string PlatformName { get; private set; }

    public DateTime? DeadlineAtUtc { get; private set; }

    public string Status { get; private set; }

    /// <summary>What the step did that the reader needs to know, e.g. the FTC pack's state or the next contact's role.</summary>
    public string Detail { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>The e-mail that carries this alert; null while it waits to be sent with the others due with it.</summary>
    public Guid? OutboxMessageId { get; private set; }

    public static string KeyFor(Guid stepId, string staffId) => $"step:{stepId}:to:{staffId}";

    /// <summary>A removed location is online again: once per check and person; the check stands where a step would.</summary>
    public static StaffAlert ForReappearance(LocationCheck check, string staffId, AlertFacts facts, DateTime nowUtc) =>
        new(ReappearanceKeyFor(check.Id, staffId), check.Id, check.CheckedAtUtc, AlertKind.LocationReappeared, staffId, facts, nowUtc) { CaseId = check.CaseId };

    public static string ReappearanceKeyFor(Guid checkId, string staffId) => $"reappeared:{checkId}:to:{staffId}";
}

/// <summary>The references an alert carries: nothing about the victim, so nothing personal reaches an inbox.</summary>
public sealed record AlertFacts(
    Guid? RequestId,
    string CaseReference,
    string RequestReference,
    string PlatformName,
    DateTime? DeadlineAtUtc,
    string Status,
    string Detail = "");
