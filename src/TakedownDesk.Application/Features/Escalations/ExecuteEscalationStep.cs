using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TakedownDesk.Application.Alerts;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Documents;
using TakedownDesk.Application.Ports;
using TakedownDesk.Domain.Alerts;
using TakedownDesk.Domain.Escalations;
using TakedownDesk.Domain.Requests;

namespace TakedownDesk.Application.Features.Escalations;

/// <summary>Carries out one claimed step in one transaction: the request's state change, the ladder's follow-up or FTC pack, its staff alerts (rows, sent together by CoalesceStaffAlerts) and the step's completion.</summary>
public sealed record ExecuteEscalationStepCommand(Guid StepId, Guid ClaimToken) : ICommand<bool>;

public sealed partial class ExecuteEscalationStepHandler(
    ITakedownDeskDb db,
    IStaffDirectory staffDirectory,
    StaffAlerts alerts,
    EscalationLadder ladder,
    FtcReportPacks ftcPacks,
    TimeProvider time,
    ILogger<ExecuteEscalationStepHandler> logger) : ICommandHandler<ExecuteEscalationStepCommand, bool>
{
    public async ValueTask<bool> Handle(ExecuteEscalationStepCommand command, CancellationToken cancellationToken)
    {
        var step = await db.EscalationSteps.SingleOrDefaultAsync(
            s => s.Id == command.StepId && s.ClaimToken == command.ClaimToken && s.State == EscalationState.Claimed,
            cancellationToken);
        if (step is null)
        {
            return false;
        }

        var now = time.UtcNow();
        var request = await db.RemovalRequests.SingleAsync(r => r.Id == step.RequestId, cancellationToken);
        if (!request.IsOpen)
        {
            step.Cancel(now);
            return false;
        }

        var @case = await db.Cases.Where(c => c.Id == step.CaseId)
            .Select(c => new { c.Reference, c.AssignedStaffId })
            .SingleAsync(cancellationToken);
        var platformName = await db.Platforms.Where(p => p.Id == request.PlatformId).Select(p => p.Name).SingleAsync(cancellationToken);

        var alertSupervisors = false;
        var detail = string.Empty;
        switch (step.Kind)
        {
            case EscalationKind.OverdueAtDeadline:
                if (now <= request.DeadlineAtUtc)
                {
                    step.Defer(request.DeadlineAtUtc.Value.AddTicks(1));
                    return false;
                }

                if (request.Status is RequestStatus.Submitted or RequestStatus.Acknowledged)
                {
                    request.MarkOverdue(now);
                }

                detail = Drafted(await ladder.DraftAsync(request, 0, cancellationToken));
                alertSupervisors = true;
                break;
            case EscalationKind.EscalationLevelDue:
                detail = Drafted(await ladder.DraftAsync(request, step.Level, cancellationToken));
                break;
            case EscalationKind.FollowUp7d or EscalationKind.FollowUp30d:
                detail = request.Submission is { } submission
                    ? $"{(int)(now - submission.SubmittedAtUtc).TotalDays} days since the request was sent: check whether the platform acted."
                    : string.Empty;
                break;
            case EscalationKind.SecondAlert24hAfter:
                if (request.Status == RequestStatus.Overdue)
                {
                    detail = Prepared(await ftcPacks.PrepareAsync(request, cancellationToken));
                }

                alertSupervisors = true;
                break;
        }

        var recipients = new List<StaffContact>();
        if (await staffDirectory.GetAsync(@case.AssignedStaffId, cancellationToken) is { } assignee)
        {
            recipients.Add(assignee);
        }
        else
        {
            LogUnknownStaff(@case.AssignedStaffId, step.Id);
        }

        if (alertSupervisors)
        {
            recipients.AddRange(await staffDirectory.SupervisorsAsync(cancellationToken));
        }

        var facts = new AlertFacts(request.Id, @case.Reference, request.Reference, platformName, request.DeadlineAtUtc, request.Status.ToString(), detail);
        await alerts.QueueAsync(step, facts, recipients, cancellationToken);
        step.Complete(now);
        return true;
    }

    private static string Drafted(FollowUpNotice? followUp) => followUp is null
        ? string.Empty
        : $"Follow-up to the {FollowUpLetters.RoleName(followUp.Role).ToLowerInvariant()} is drafted and ready to send.";

    private static string Prepared(FtcReport report) => report.State == FtcReportState.Refused
        ? $"No FTC report pack: {report.RefusalReason}"
        : "The FTC report pack is prepared: file it with the FTC and record its reference.";

    [LoggerMessage(EventId = LogEvents.EscalationRecipientUnknown, Level = LogLevel.Warning, Message = "Staff member {StaffId} is not in the staff directory; escalation step {StepId} cannot alert them")]
    private partial void LogUnknownStaff(string staffId, Guid stepId);
}
