using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;

namespace TakedownDesk.Application.Features.Platforms;

public sealed record ExportPlatformsQuery : IQuery<string>;

public sealed class ExportPlatformsHandler(ITakedownDeskDb db) : IQueryHandler<ExportPlatformsQuery, string>
{
    public async ValueTask<string> Handle(ExportPlatformsQuery query, CancellationToken cancellationToken)
    {
        var platforms = await db.Platforms.AsNoTracking().OrderBy(p => p.Slug).ToListAsync(cancellationToken);
        return PlatformDirectoryFile.Write(platforms.Select(PlatformDirectoryFile.From));
    }
}
