using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Documents;

namespace TakedownDesk.Application.Features.Documents;

/// <summary>A stored notice's PDF and its provenance; visible exactly when its request's case is.</summary>
public sealed record GetGeneratedDocumentQuery(Guid DocumentId) : IQuery<StoredDocument>;

public sealed record StoredDocument(
    Guid Id, Guid RequestId, DocumentKind Kind, int Version, string TemplateFile, string TemplateSha256, string PdfSha256, string GeneratedBy, DateTime GeneratedAtUtc, byte[] Pdf);

public sealed class GetGeneratedDocumentHandler(ITakedownDeskDb db, ICurrentStaff staff) : IQueryHandler<GetGeneratedDocumentQuery, StoredDocument>
{
    public async ValueTask<StoredDocument> Handle(GetGeneratedDocumentQuery query, CancellationToken cancellationToken)
    {
        var document = await db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == query.DocumentId, cancellationToken)
                       ?? throw new NotFoundException("Document", query.DocumentId);
        if (!await db.Cases.VisibleTo(staff).AnyAsync(c => c.Id == document.CaseId, cancellationToken))
        {
            throw new NotFoundException("Document", query.DocumentId);
        }

        return new StoredDocument(
            document.Id, document.RequestId, document.Kind, document.Version, document.TemplateFile, document.TemplateSha256, document.PdfSha256,
            document.GeneratedBy, document.GeneratedAtUtc, document.Pdf());
    }
}
