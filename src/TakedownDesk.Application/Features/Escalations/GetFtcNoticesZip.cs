using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;

namespace TakedownDesk.Application.Features.Escalations;

/// <summary>The ZIP of notice PDFs that goes with the FTC report pack. Audited: the notices name the victim and the locations.</summary>
public sealed record GetFtcNoticesZipQuery(Guid RequestId, Guid CaseId) : IQuery<FtcNoticesZip>, IAuditedQuery;

public sealed record FtcNoticesZip(string FileName, byte[] Zip);

public sealed class GetFtcNoticesZipHandler(ITakedownDeskDb db, ICurrentStaff staff) : IQueryHandler<GetFtcNoticesZipQuery, FtcNoticesZip>
{
    public async ValueTask<FtcNoticesZip> Handle(GetFtcNoticesZipQuery query, CancellationToken cancellationToken)
    {
        var (request, _) = await db.LoadRequestAsync(query.RequestId, staff, cancellationToken);
        var report = await db.FtcReports.AsNoTracking().SingleOrDefaultAsync(r => r.RequestId == request.Id && r.CaseId == query.CaseId, cancellationToken);
        var zip = report?.NoticesZip() ?? throw new NotFoundException("FTC report pack of request", query.RequestId);
        return new FtcNoticesZip($"{request.Reference}-ftc-notices.zip", zip);
    }
}
