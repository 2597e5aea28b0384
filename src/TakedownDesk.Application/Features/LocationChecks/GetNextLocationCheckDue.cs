using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;

namespace TakedownDesk.Application.Features.LocationChecks;

/// <summary>When the next location check is due, or null: the check loop sleeps until then.</summary>
public sealed record GetNextLocationCheckDueQuery : IRequest<DateTime?>;

public sealed class GetNextLocationCheckDueHandler(ITakedownDeskDb db) : IRequestHandler<GetNextLocationCheckDueQuery, DateTime?>
{
    public async ValueTask<DateTime?> Handle(GetNextLocationCheckDueQuery query, CancellationToken cancellationToken) =>
        await RunDueLocationChecksHandler.Checkable(db).Select(l => l.NextCheckAtUtc).FirstOrDefaultAsync(cancellationToken);
}
