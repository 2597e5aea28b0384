using TakedownDesk.Domain.Platforms;
using TakedownDesk.Domain.Requests;

namespace TakedownDesk.Domain.Escalations;

/// <summary>When a submitted request's escalations fall due. Configurable; the defaults follow the product's design.</summary>
public sealed record EscalationPolicy
{
    public static readonly EscalationPolicy Default = new();

    public TimeSpan ReminderBeforeDeadline { get; init; } = TimeSpan.FromHours(12);

    public TimeSpan SecondAlertAfterDeadline { get; init; } = TimeSpan.FromHours(24);

    public TimeSpan FirstFollowUpAfterSubmission { get; init; } = TimeSpan.FromDays(7);

    public TimeSpan SecondFollowUpAfterSubmission { get; init; } = TimeSpan.FromDays(30);

    /// <summary>An organisation's choice: follow-ups to an e-mail contact go out as soon as they are drafted, without staff sending them.</summary>
    public bool SendEmailFollowUpsWithoutReview { get; init; }

    /// <summary>The steps a request submitted at <paramref name="submittedAtUtc"/> needs: a statutory request by its deadline, the others by follow-ups.</summary>
    public IReadOnlyList<(EscalationKind Kind, DateTime DueAtUtc)> Plan(DateTime submittedAtUtc, DateTime? deadlineAtUtc) =>
        deadlineAtUtc is { } deadline
            ?
            [
                (EscalationKind.Reminder12hBefore, deadline - ReminderBeforeDeadline),
                (EscalationKind.OverdueAtDeadline, deadline),
                (EscalationKind.SecondAlert24hAfter, deadline + SecondAlertAfterDeadline),
            ]
            :
            [
                (EscalationKind.FollowUp7d, submittedAtUtc + FirstFollowUpAfterSubmission),
                (EscalationKind.FollowUp30d, submittedAtUtc + SecondFollowUpAfterSubmission),
            ];

    public IReadOnlyList<EscalationStep> PlanFor(RequestSubmitted submitted) =>
        Plan(submitted.SubmittedAtUtc, submitted.DeadlineAtUtc)
            .Select(p => new EscalationStep(submitted.RequestId, submitted.CaseId, p.Kind, p.DueAtUtc))
            .ToList();

    /// <summary>When staff should next chase a submitted request that has no statutory deadline; none while unsent or when a deadline runs.</summary>
    public DateTime? FollowUpOn(DateTime? submittedAtUtc, DateTime? deadlineAtUtc) =>
        submittedAtUtc is { } submitted && deadlineAtUtc is null ? DueAt(EscalationKind.FollowUp7d, submitted, null) : null;

    /// <summary>The instant a step of <paramref name="kind"/> falls due for this request under this policy.</summary>
    public DateTime DueAt(EscalationKind kind, DateTime submittedAtUtc, DateTime? deadlineAtUtc) =>
        Plan(submittedAtUtc, deadlineAtUtc).Where(p => p.Kind == kind).Select(p => p.DueAtUtc).DefaultIfEmpty(DateTime.MaxValue).First();

    /// <summary>A level was sent: the next contact of the path falls due after its wait, unless the path ends here.</summary>
    public static EscalationStep? PlanNextLevel(FollowUpSent sent, EscalationContact? next) =>
        next is null ? null : new EscalationStep(sent.RequestId, sent.CaseId, EscalationKind.EscalationLevelDue, sent.SentAtUtc + next.Wait, sent.Level + 1);
}
