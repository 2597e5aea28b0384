using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Documents.Composers;
using TakedownDesk.Application.Ports;
using TakedownDesk.Domain.Documents;
using TakedownDesk.Domain.Requests;

namespace TakedownDesk.Application.Documents;

/// <summary>Builds a request's letter with its kind's composer: the one mapping the preview, the final PDF and the e-mail share.</summary>
public sealed class RemovalNotices(ITakedownDeskDb db, ICurrentStaff staff, IStaffDirectory directory, IDocumentRenderer renderer, TimeProvider time)
{
    /// <summary>Renders the final notice, prints it and adds it to the request's documents as the next version.</summary>
    public async Task<FinalNotice> ProduceFinalAsync(Guid requestId, CancellationToken cancellationToken)
    {
        var (documentRequest, request) = await ComposeAsync(requestId, cancellationToken);
        GeneratedDocument.EnsureFinalNoticeIsComplete(request);
        var rendered = await renderer.RenderAsync(documentRequest, cancellationToken);
        var pdf = await renderer.PrintAsync(rendered, cancellationToken);
        var version = await db.Documents.CountAsync(d => d.RequestId == request.Id && d.Kind == DocumentKind.RemovalNotice, cancellationToken) + 1;
        var document = GeneratedDocument.FinalNotice(
            request, version, rendered.TemplateName, rendered.TemplateFile, rendered.TemplateSha256, pdf, staff.Id, time.UtcNow());
        db.Documents.Add(document);
        return new FinalNotice(request, document, rendered, pdf);
    }

    public async Task<(DocumentRequest Request, RemovalRequest Removal)> ComposeAsync(Guid requestId, CancellationToken cancellationToken)
    {
        var (request, @case) = await db.LoadRequestAsync(requestId, staff, cancellationToken);
        var platform = await db.Platforms.AsNoTracking().SingleAsync(p => p.Id == request.PlatformId, cancellationToken);
        var zoneId = (await directory.GetAsync(staff.Id, cancellationToken))?.TimeZoneId ?? "UTC";
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var found) ? found : TimeZoneInfo.Utc;
        var composer = NoticeComposers.For(request.Kind);
        var parts = NoticeParts.Of(request, @case, platform, zone, zoneId, time.UtcNow());
        return (new DocumentRequest(composer.TemplateFor(parts), composer.Compose(parts), platform.Slug), request);
    }
}

public sealed record FinalNotice(RemovalRequest Request, GeneratedDocument Document, RenderedDocument Rendered, byte[] Pdf);
