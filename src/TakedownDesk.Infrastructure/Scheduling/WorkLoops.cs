using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Audit;
using TakedownDesk.Application.Features.Escalations;
using TakedownDesk.Application.Features.LocationChecks;
using TakedownDesk.Application.Features.Outbox;

namespace TakedownDesk.Infrastructure.Scheduling;

/// <summary>
/// The sweep, the dispatcher and the audit sealer, on every instance. The sweep sleeps until the next step is due (at most one sweep
/// interval, so a step planned elsewhere is found), the dispatcher until an e-mail is queued; both wake early on a
/// commit signal. Claims keep instances from doing the same work twice.
/// </summary>
public sealed partial class WorkLoops(
    IServiceScopeFactory scopes,
    WorkSignals signals,
    IOptions<SchedulingOptions> options,
    IOptions<LocationCheckOptions> checks,
    IOptions<AuditOptions> audit,
    TimeProvider time,
    ILogger<WorkLoops> logger) : BackgroundService
{
    private static readonly TimeSpan AfterFailure = TimeSpan.FromSeconds(5);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(
            Task.Run(() => SweepAsync(stoppingToken), stoppingToken),
            Task.Run(() => DispatchAsync(stoppingToken), stoppingToken),
            Task.Run(() => SealAuditAsync(stoppingToken), stoppingToken),
            checks.Value.Enabled ? Task.Run(() => CheckLocationsAsync(stoppingToken), stoppingToken) : Task.CompletedTask);

    /// <summary>Location checks: as many batches as are due, then asleep until the next check is due (at most one poll interval).</summary>
    private async Task CheckLocationsAsync(CancellationToken cancellationToken)
    {
        var settings = checks.Value;
        var poll = TimeSpan.FromSeconds(Math.Max(1, settings.PollIntervalSeconds));
        while (!cancellationToken.IsCancellationRequested)
        {
            var wait = poll;
            try
            {
                var result = await SendAsync(new RunDueLocationChecksCommand(settings.BatchSize, settings.ClaimLeaseSeconds), cancellationToken);
                if (result.Claimed >= settings.BatchSize)
                {
                    continue;
                }

                if (await SendAsync(new GetNextLocationCheckDueQuery(), cancellationToken) is { } next)
                {
                    wait = TimeSpan.FromTicks(Math.Clamp((next - time.UtcNow()).Ticks, 0, poll.Ticks));
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogLoopFailed("location-check", exception.GetType().Name);
                wait = AfterFailure;
            }

            await Task.Delay(wait, time, cancellationToken);
        }
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var tick = TimeSpan.FromSeconds(Math.Max(1, settings.SweepIntervalSeconds));
        while (!cancellationToken.IsCancellationRequested)
        {
            var wait = tick;
            try
            {
                var result = await SendAsync(new ExecuteDueEscalationsCommand(settings.BatchSize, settings.ClaimLeaseSeconds), cancellationToken);
                if (result.Claimed >= settings.BatchSize)
                {
                    continue;
                }

                if (await SendAsync(new GetNextEscalationDueQuery(), cancellationToken) is { } next)
                {
                    wait = TimeSpan.FromTicks(Math.Clamp((next - time.UtcNow()).Ticks, 0, tick.Ticks));
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogLoopFailed("sweep", exception.GetType().Name);
                wait = AfterFailure;
            }

            await signals.Escalations.WaitAsync(wait, time, cancellationToken);
        }
    }

    private async Task DispatchAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var tick = TimeSpan.FromSeconds(Math.Max(1, settings.DispatchIntervalSeconds));
        while (!cancellationToken.IsCancellationRequested)
        {
            var wait = tick;
            try
            {
                var result = await SendAsync(new DispatchOutboxCommand(settings.BatchSize, settings.ClaimLeaseSeconds), cancellationToken);
                if (result.Claimed >= settings.BatchSize)
                {
                    continue;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogLoopFailed("dispatch", exception.GetType().Name);
                wait = AfterFailure;
            }

            await signals.Outbox.WaitAsync(wait, time, cancellationToken);
        }
    }

    /// <summary>The audit sealer: woken by a local commit (then a short pause, so a busy moment seals as one batch) or by its interval.</summary>
    private async Task SealAuditAsync(CancellationToken cancellationToken)
    {
        var settings = audit.Value;
        var interval = TimeSpan.FromSeconds(Math.Max(1, settings.SealIntervalSeconds));
        var pause = TimeSpan.FromMilliseconds(Math.Max(0, settings.SealDelayMilliseconds));
        while (!cancellationToken.IsCancellationRequested)
        {
            var wait = interval;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AuditSealer>().SealPendingAsync(signHead: false, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogLoopFailed("audit-seal", exception.GetType().Name);
                wait = AfterFailure;
            }

            await signals.Audit.WaitAsync(wait, time, cancellationToken);
            await Task.Delay(pause, time, cancellationToken);
        }
    }

    private async Task<TResponse> SendAsync<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request, cancellationToken);
    }

    [LoggerMessage(EventId = LogEvents.WorkLoopFailed, Level = LogLevel.Warning, Message = "The {Loop} loop failed with {ExceptionType}; it runs again shortly")]
    private partial void LogLoopFailed(string loop, string exceptionType);
}
