using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Ports;
using TakedownDesk.Domain.Documents;

namespace TakedownDesk.Application.Features.Documents;

/// <summary>Every generated version of a request's documents, newest first, without their PDFs.</summary>
public sealed record ListRequestDocumentsQuery(Guid RequestId) : IQuery<IReadOnlyList<DocumentVersion>>;

/// <remarks>GeneratedByName: The staff member's display name, or their id when the directory no longer knows them.</remarks>
public sealed record DocumentVersion(
    Guid Id, DocumentKind Kind, int Version, DateTime GeneratedAtUtc, string GeneratedBy, string GeneratedByName, string TemplateFile, string TemplateSha256, string PdfSha256);

public sealed class ListRequestDocumentsHandler(ITakedownDeskDb db, ICurrentStaff staff, IStaffDirectory directory)
    : IQueryHandler<ListRequestDocumentsQuery, IReadOnlyList<DocumentVersion>>
{
    public async ValueTask<IReadOnlyList<DocumentVersion>> Handle(ListRequestDocumentsQuery query, CancellationToken cancellationToken)
    {
        _ = await db.LoadRequestAsync(query.RequestId, staff, cancellationToken);

        // Projected, so the sealed PDFs are neither read nor opened.
        var rows = await db.Documents.AsNoTracking()
            .Where(d => d.RequestId == query.RequestId)
            .Select(d => new { d.Id, d.Kind, d.Version, d.GeneratedAtUtc, d.GeneratedBy, d.TemplateFile, d.TemplateSha256, d.PdfSha256 })
            .ToListAsync(cancellationToken);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var by in rows.Select(r => r.GeneratedBy).Distinct(StringComparer.Ordinal))
        {
            names[by] = (await directory.GetAsync(by, cancellationToken))?.DisplayName ?? by;
        }

        return rows
            .OrderBy(r => r.Kind).ThenByDescending(r => r.Version)
            .Select(r => new DocumentVersion(r.Id, r.Kind, r.Version, r.GeneratedAtUtc, r.GeneratedBy, names[r.GeneratedBy], r.TemplateFile, r.TemplateSha256, r.PdfSha256))
            .ToList();
    }
}
