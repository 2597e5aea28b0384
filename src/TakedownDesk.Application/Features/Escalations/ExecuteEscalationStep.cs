using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Documents;
using TakedownDesk.Application.Ports;
using TakedownDesk.Domain.Escalations;
using TakedownDesk.Domain.Messaging;
using TakedownDesk.Domain.Requests;

namespace TakedownDesk.Application.Features.Escalations;

/// <summary>Carries out one claimed step in one transaction: the request's state change, the ladder's follow-up or FTC pack, its alert e-mails (outbox rows) and the step's completion.</summary>
public sealed record ExecuteEscalationStepCommand(Guid StepId, Guid ClaimToken) : ICommand<bool>;

public sealed partial class ExecuteEscalationStepHandler(
    ITakedownDeskDb db,
    IStaffDirectory staffDirectory,
    IAlertComposer composer,
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

                await ladder.DraftAsync(request, 0, cancellationToken);
                alertSupervisors = true;
                break;
            case EscalationKind.EscalationLevelDue:
                await ladder.DraftAsync(request, step.Level, cancellationToken);
                break;
            case EscalationKind.SecondAlert24hAfter:
                if (request.Status == RequestStatus.Overdue)
                {
                    await ftcPacks.PrepareAsync(request, cancellationToken);
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

        var facts = new AlertFacts(@case.Reference, request.Reference, platformName, request.DeadlineAtUtc, request.Status.ToString());
        foreach (var recipient in recipients.DistinctBy(r => r.Id, StringComparer.Ordinal))
        {
            var key = $"step:{step.Id}:to:{recipient.Id}";
            // Insert-if-absent; the unique index on Key backs this up if two transactions race.
            if (!await db.OutboxMessages.AnyAsync(m => m.Key == key, cancellationToken))
            {
                var mail = composer.ComposeEscalation(step.Kind, facts, recipient);
                db.OutboxMessages.Add(new OutboxMessage(key, recipient.Email, mail.Subject, mail.HtmlBody, mail.TextBody, now));
            }
        }

        step.Complete(now);
        return true;
    }

    [LoggerMessage(EventId = LogEvents.EscalationRecipientUnknown, Level = LogLevel.Warning, Message = "Staff member {StaffId} is not in the staff directory; escalation step {StepId} cannot alert them")]
    private partial void LogUnknownStaff(string staffId, Guid stepId);
}
