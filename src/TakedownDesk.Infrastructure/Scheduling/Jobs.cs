using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using TakedownDesk.Application.Features.Outbox;
using TakedownDesk.Infrastructure.Idempotency;
using TakedownDesk.Infrastructure.Persistence;

namespace TakedownDesk.Infrastructure.Scheduling;

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
