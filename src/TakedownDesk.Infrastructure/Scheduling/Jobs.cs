using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;
using TakedownDesk.Application.Features.Escalations;
using TakedownDesk.Application.Features.Outbox;
using TakedownDesk.Infrastructure.Idempotency;
using TakedownDesk.Infrastructure.Persistence;

namespace TakedownDesk.Infrastructure.Scheduling;

/// <summary>Ticks only: the rows in the database say what is due, and the command claims them safely.</summary>
[DisallowConcurrentExecution]
public sealed class EscalationSweepJob(IServiceScopeFactory scopes, IOptions<SchedulingOptions> options) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ExecuteDueEscalationsCommand(options.Value.BatchSize, options.Value.ClaimLeaseSeconds), cancellationToken);
    }
}

[DisallowConcurrentExecution]
public sealed class OutboxDispatchJob(IServiceScopeFactory scopes, IOptions<SchedulingOptions> options) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new DispatchOutboxCommand(options.Value.BatchSize, options.Value.ClaimLeaseSeconds), cancellationToken);
    }
}

[DisallowConcurrentExecution]
public sealed class DailyDigestJob(IServiceScopeFactory scopes) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new QueueDailyDigestsCommand(), cancellationToken);
    }
}

/// <summary>Housekeeping, not a use case: kept API responses past their replay window are deleted.</summary>
[DisallowConcurrentExecution]
public sealed class ExpiredReplaysJob(IServiceScopeFactory scopes, TimeProvider time) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await ExpiredReplays.PurgeAsync(scope.ServiceProvider.GetRequiredService<TakedownDeskDbContext>(), time.GetUtcNow().UtcDateTime, cancellationToken);
    }
}
