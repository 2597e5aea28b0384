using TakedownDesk.Domain.Common;
using TakedownDesk.Domain.Escalations.Rules;

namespace TakedownDesk.Domain.Escalations;

/// <summary>
/// One scheduled escalation of a request, as a row: the database, not the scheduler, is the truth about what is
/// due. Workers claim a step (a conditional update), execute it in its own transaction, and mark it done.
/// </summary>
public sealed class EscalationStep : Entity
{
    private EscalationStep()
    {
    }

    public EscalationStep(Guid requestId, Guid caseId, EscalationKind kind, DateTime dueAtUtc, int level = 0)
    {
        Id = Guid.NewGuid();
        RequestId = requestId;
        CaseId = caseId;
        Kind = kind;
        Level = level;
        DueAtUtc = Utc.Require(dueAtUtc);
        NextRunAtUtc = dueAtUtc;
        State = EscalationState.Pending;
    }

    public Guid RequestId { get; private set; }

    public Guid CaseId { get; private set; }

    public EscalationKind Kind { get; private set; }

    /// <summary>For <see cref="EscalationKind.EscalationLevelDue"/>: which level of the platform's escalation path.</summary>
    public int Level { get; private set; }

    public DateTime DueAtUtc { get; private set; }

    public EscalationState State { get; private set; }

    /// <summary>When the sweep may next pick it up: the due time, a retry's back-off, or the end of a claim's lease.</summary>
    public DateTime NextRunAtUtc { get; private set; }

    /// <summary>The worker instance holding the claim (for operators).</summary>
    public string? ClaimedBy { get; private set; }

    /// <summary>The claim itself: a token unique to one sweep. Saving a step checks it, so a worker whose lease ran out cannot finish it.</summary>
    public Guid? ClaimToken { get; private set; }

    public DateTime? ClaimedUntilUtc { get; private set; }

    public DateTime? DoneAtUtc { get; private set; }

    /// <summary>Counted when claimed, so a step that crashes its worker also runs out of attempts.</summary>
    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public bool IsPending => State is EscalationState.Pending or EscalationState.Claimed;

    public void Complete(DateTime nowUtc)
    {
        State = EscalationState.Done;
        DoneAtUtc = nowUtc;
        ClaimedUntilUtc = null;
        LastError = null;
    }

    public void Cancel(DateTime nowUtc)
    {
        if (State is EscalationState.Pending or EscalationState.Claimed or EscalationState.Failed)
        {
            State = EscalationState.Cancelled;
            DoneAtUtc = nowUtc;
            ClaimedUntilUtc = null;
        }
    }

    /// <summary>
    /// Claimed at the very instant of a deadline, which the platform still has: run again just after it. The claim that
    /// counted an attempt is given back, since nothing failed.
    /// </summary>
    public void Defer(DateTime untilUtc)
    {
        State = EscalationState.Pending;
        NextRunAtUtc = Utc.Require(untilUtc);
        ClaimedUntilUtc = null;
        Attempts = Math.Max(0, Attempts - 1);
    }

    /// <summary>
    /// A supervisor put a poisoned step back after fixing its cause: the sweep takes it at once, with a full allowance of
    /// attempts (otherwise the first new failure would poison it again). The due time stays the planned instant; the
    /// last error stays until it succeeds, as the record of what went wrong.
    /// </summary>
    public void Retry(DateTime nowUtc)
    {
        CheckRule(new OnlyFailedStepsCanBeRetried(State));
        State = EscalationState.Pending;
        NextRunAtUtc = Utc.Require(nowUtc);
        Attempts = 0;
        ClaimedBy = null;
        ClaimToken = null;
        ClaimedUntilUtc = null;
    }

    /// <summary>The policy changed: a step not yet run moves to its new instant.</summary>
    public void Reschedule(DateTime dueAtUtc)
    {
        if (State == EscalationState.Pending)
        {
            DueAtUtc = Utc.Require(dueAtUtc);
            NextRunAtUtc = dueAtUtc;
        }
    }

    /// <summary>Back-off for a failed attempt: 1 min, 2 min, 4 min … capped at an hour.</summary>
    public static TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Max(0, attempts - 1))));
}
