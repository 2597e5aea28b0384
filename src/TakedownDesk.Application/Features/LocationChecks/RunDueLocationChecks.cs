using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Alerts;
using TakedownDesk.Application.Ports;
using TakedownDesk.Domain.Cases;

namespace TakedownDesk.Application.Features.LocationChecks;

/// <summary>
/// Checks the locations that are due, on cases where checks are on, not routed to NCMEC, not closed, of victims not
/// erased. Not an <see cref="ICommand"/>: the network is asked outside any transaction, and each answer is recorded in
/// a transaction of its own, so a slow site never holds the database and one failure loses one check.
/// </summary>
/// <param name="BatchSize">How many due locations one pass claims.</param>
/// <param name="LeaseSeconds">How long a claimed check holds; a worker that dies mid-check frees it when this runs out.</param>
public sealed record RunDueLocationChecksCommand(int BatchSize = 20, int LeaseSeconds = 300) : IRequest<LocationCheckRunResult>;

public sealed record LocationCheckRunResult(int Claimed, int Online, int Gone, int Inconclusive);

public sealed class RunDueLocationChecksValidator : AbstractValidator<RunDueLocationChecksCommand>
{
    public RunDueLocationChecksValidator()
    {
        RuleFor(c => c.BatchSize).InclusiveBetween(1, 1000);
        RuleFor(c => c.LeaseSeconds).InclusiveBetween(1, 86400);
    }
}

public sealed partial class RunDueLocationChecksHandler(
    ITakedownDeskDb db,
    IServiceScopeFactory scopes,
    ILocationProbe probe,
    TimeProvider time,
    ILogger<RunDueLocationChecksHandler> logger) : IRequestHandler<RunDueLocationChecksCommand, LocationCheckRunResult>
{
    public async ValueTask<LocationCheckRunResult> Handle(RunDueLocationChecksCommand command, CancellationToken cancellationToken)
    {
        var now = time.UtcNow();
        var due = await Checkable(db).Where(l => l.NextCheckAtUtc <= now).AsNoTracking().Take(command.BatchSize).Select(l => new { Location = l, CaseId = EF.Property<Guid>(l, "CaseId") }).ToListAsync(cancellationToken);
        var answers = new Dictionary<LocationCheckAnswer, int>();
        var claimed = 0;
        foreach (var item in due)
        {
            if (!await ClaimAsync(item.Location, now + TimeSpan.FromSeconds(command.LeaseSeconds), cancellationToken))
            {
                continue;
            }

            claimed++;
            var result = await probe.ProbeAsync(item.Location.Url, cancellationToken);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var answer = await scope.ServiceProvider.GetRequiredService<IMediator>()
                    .Send(new RecordLocationCheckCommand(item.CaseId, item.Location.Id, result.StatusCode, result.FinalUrl, time.UtcNow()), cancellationToken);
                answers[answer] = answers.GetValueOrDefault(answer) + 1;
            }
            catch (Exception exception) when (exception is NotFoundException or Domain.Common.BusinessRuleViolationException)
            {
                // Erased, switched off or closed while the site was being asked: the answer is dropped, as the rules say.
                LogCheckDropped(item.Location.Id, exception is NotFoundException ? "case or location gone" : "refused by the case");
            }
            catch (DbUpdateConcurrencyException)
            {
                // Staff changed the case meanwhile; the claim's lease runs out and the location is checked again.
                LogCheckDropped(item.Location.Id, "case changed meanwhile");
            }
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CoalesceStaffAlertsCommand(DueStepsDone: true), cancellationToken);
        }

        var run = new LocationCheckRunResult(claimed, answers.GetValueOrDefault(LocationCheckAnswer.Online), answers.GetValueOrDefault(LocationCheckAnswer.Gone), answers.GetValueOrDefault(LocationCheckAnswer.Inconclusive));
        if (claimed > 0)
        {
            LogChecksRun(run.Claimed, run.Online, run.Gone, run.Inconclusive);
        }

        return run;
    }

    /// <summary>The locations with a check planned, earliest first, where the case's rules allow a check at all.</summary>
    public static IQueryable<Location> Checkable(ITakedownDeskDb db) =>
        db.Cases
            .Where(c => c.LocationChecksOn && !c.RoutedToNcmec && c.Status != CaseStatus.Closed && db.Victims.Any(v => v.Id == c.VictimId))
            .SelectMany(c => c.Locations)
            .Where(l => l.NextCheckAtUtc != null)
            .OrderBy(l => l.NextCheckAtUtc);

    /// <summary>A conditional update moves the due time past the lease: a second worker's update then matches nothing.</summary>
    private async Task<bool> ClaimAsync(Location location, DateTime leaseEnd, CancellationToken cancellationToken) =>
        await db.Locations
            .Where(l => l.Id == location.Id && l.NextCheckAtUtc == location.NextCheckAtUtc)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.NextCheckAtUtc, leaseEnd), cancellationToken) == 1;

    [LoggerMessage(EventId = LogEvents.LocationChecksRun, Level = LogLevel.Information, Message = "Location checks run: {Claimed} claimed, {Online} online, {Gone} gone, {Inconclusive} inconclusive")]
    private partial void LogChecksRun(int claimed, int online, int gone, int inconclusive);

    [LoggerMessage(EventId = LogEvents.LocationCheckDropped, Level = LogLevel.Information, Message = "The check of location {LocationId} was dropped ({Reason})")]
    private partial void LogCheckDropped(Guid locationId, string reason);
}
