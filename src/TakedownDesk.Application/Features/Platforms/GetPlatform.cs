using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;

namespace TakedownDesk.Application.Features.Platforms;

public sealed record GetPlatformQuery(Guid PlatformId) : IQuery<PlatformView>;

public sealed record PlatformView(Guid Id, Guid ConcurrencyStamp, PlatformEntry Entry);

public sealed class GetPlatformHandler(ITakedownDeskDb db) : IQueryHandler<GetPlatformQuery, PlatformView>
{
    public async ValueTask<PlatformView> Handle(GetPlatformQuery query, CancellationToken cancellationToken)
    {
        var platform = await db.Platforms.AsNoTracking().SingleOrDefaultAsync(p => p.Id == query.PlatformId, cancellationToken)
                       ?? throw new NotFoundException("Platform", query.PlatformId);
        return new PlatformView(platform.Id, platform.ConcurrencyStamp, PlatformDirectoryFile.From(platform));
    }
}
