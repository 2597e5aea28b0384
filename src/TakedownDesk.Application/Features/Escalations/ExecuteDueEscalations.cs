using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Alerts;
using TakedownDesk.Application.Ports;
using TakedownDesk.Domain.Escalations;
using TakedownDesk.Domain.Messaging;
using TakedownDesk.Domain.Requests;

namespace TakedownDesk.Application.Features.Escalations;

/// <summary>
/// The sweep: claims due steps, executes each in its own transaction, then sends the alerts they wrote (coalesced). Deliberately not an <see cref="ICommand"/>:
/// one transaction around the whole sweep would hold the claims' locks until the end and tie every step's fate together.
/// </summary>
/// <param name="BatchSize">How many due steps one sweep claims.</param>
/// <param name="LeaseSeconds">How long a claim holds; a worker that dies mid-step frees its steps when this runs out.</param>
public sealed record ExecuteDueEscalationsCommand(int BatchSize = 50, int LeaseSeconds = 300) : IRequest<EscalationSweepResult>;

public sealed record EscalationSweepResult(int Claimed, int Executed, int Failed);

public sealed class ExecuteDueEscalationsValidator : AbstractValidator<ExecuteDueEscalationsCommand>
{
    public ExecuteDueEscalationsValidator()
    {
        RuleFor(c => c.BatchSize).InclusiveBetween(1, 1000);
        RuleFor(c => c.LeaseSeconds).InclusiveBetween(1, 86400);
    }
}

public sealed partial class ExecuteDueEscalationsHandler(
    ITakedownDeskDb db,
    IServiceScopeFactory scopes,
    IWorkerIdentity worker,
    TimeProvider time,
    ILogger<ExecuteDueEscalationsHandler> logger) : IRequestHandler<ExecuteDueEscalationsCommand, EscalationSweepResult>
{
    public const int MaxAttempts = 5;

    public async ValueTask<EscalationSweepResult> Handle(ExecuteDueEscalationsCommand command, CancellationToken cancellationToken)
    {
        var (token, claimed) = await ClaimAsync(command.BatchSize, TimeSpan.FromSeconds(command.LeaseSeconds), cancellationToken);
        int executed = 0, failed = 0;
        foreach (var stepId in claimed)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ExecuteEscalationStepCommand(stepId, token), cancellationToken))
                {
                    executed++;
                    LogStepDone(stepId);
                }
            }
            catch (DbUpdateConcurrencyException)
            {
                // The claim was lost (lease ran out and another worker took it, or the request closed): nothing to record.
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                failed++;
                await RecordFailureAsync(stepId, token, exception, cancellationToken);
            }
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CoalesceStaffAlertsCommand(DueStepsDone: claimed.Count < command.BatchSize), cancellationToken);
        }

        await RefreshBacklogGaugesAsync(cancellationToken);
        return new EscalationSweepResult(claimed.Count, executed, failed);
    }

    private async Task RefreshBacklogGaugesAsync(CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        if (!TakedownDeskMetrics.BacklogRefreshDue(now))
        {
            return;
        }

        var overdue = await db.RemovalRequests.Where(OpenRequests.Filter)
            .CountAsync(r => r.DeadlineAtUtc != null && r.DeadlineAtUtc < now, cancellationToken);
        var waiting = db.OutboxMessages.Where(m => m.State == OutboxState.Pending || m.State == OutboxState.Failed);
        var depth = await waiting.CountAsync(cancellationToken);
        var oldest = depth == 0 ? (DateTime?)null : await waiting.MinAsync(m => (DateTime?)m.CreatedAtUtc, cancellationToken);
        TakedownDeskMetrics.SetBacklog(overdue, depth, oldest is null ? TimeSpan.Zero : now - oldest.Value);
    }

    /// <summary>Claims due steps with a fresh token and lease (<see cref="LeaseClaim"/>); the attempt counts from the claim.</summary>
    private async Task<(Guid Token, List<Guid> Claimed)> ClaimAsync(int batchSize, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var token = Guid.NewGuid();
        var leaseEnd = now + lease;
        var count = await LeaseClaim.ClaimAsync(
            db.EscalationSteps,
            s => (s.State == EscalationState.Pending || s.State == EscalationState.Claimed) && s.NextRunAtUtc <= now,
            s => s.NextRunAtUtc,
            batchSize,
            u => u.SetProperty(s => s.State, EscalationState.Claimed)
                .SetProperty(s => s.ClaimToken, token)
                .SetProperty(s => s.ClaimedBy, worker.Id)
                .SetProperty(s => s.ClaimedUntilUtc, leaseEnd)
                .SetProperty(s => s.NextRunAtUtc, leaseEnd)
                .SetProperty(s => s.Attempts, s => s.Attempts + 1),
            cancellationToken);
        if (count == 0)
        {
            return (token, []);
        }

        var claimed = await db.EscalationSteps
            .Where(s => s.ClaimToken == token)
            .OrderBy(s => s.DueAtUtc)
            .Select(s => new { s.Id, s.DueAtUtc })
            .ToListAsync(cancellationToken);
        foreach (var step in claimed)
        {
            TakedownDeskMetrics.EscalationLag.Record(Math.Max(0, (now - step.DueAtUtc).TotalSeconds));
        }

        return (token, claimed.ConvertAll(s => s.Id));
    }

    private async Task RecordFailureAsync(Guid stepId, Guid token, Exception exception, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var freshDb = scope.ServiceProvider.GetRequiredService<ITakedownDeskDb>();
        var attempts = await freshDb.EscalationSteps.Where(s => s.Id == stepId).Select(s => s.Attempts).SingleAsync(cancellationToken);
        var now = time.UtcNow();
        var poisoned = attempts >= MaxAttempts;
        // Type and message only: domain messages name rules, not people.
        var error = $"{exception.GetType().Name}: {exception.Message}";
        error = error.Length > 2000 ? error[..2000] : error;
        await freshDb.EscalationSteps
            .Where(s => s.Id == stepId && s.ClaimToken == token && s.State == EscalationState.Claimed)
            .ExecuteUpdateAsync(
                u => u.SetProperty(s => s.State, poisoned ? EscalationState.Failed : EscalationState.Pending)
                    .SetProperty(s => s.NextRunAtUtc, now + EscalationStep.RetryDelay(attempts))
                    .SetProperty(s => s.ClaimedUntilUtc, (DateTime?)null)
                    .SetProperty(s => s.LastError, error),
                cancellationToken);
        LogStepFailed(stepId, attempts, poisoned, exception.GetType().Name);
    }

    [LoggerMessage(EventId = LogEvents.EscalationStepDone, Level = LogLevel.Information, Message = "Escalation step {StepId} done")]
    private partial void LogStepDone(Guid stepId);

    [LoggerMessage(EventId = LogEvents.EscalationStepFailed, Level = LogLevel.Warning, Message = "Escalation step {StepId} failed on attempt {Attempts} (poisoned: {Poisoned}) with {ExceptionType}")]
    private partial void LogStepFailed(Guid stepId, int attempts, bool poisoned, string exceptionType);
}
