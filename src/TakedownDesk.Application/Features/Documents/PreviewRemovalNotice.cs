using Mediator;
using TakedownDesk.Application.Documents;

namespace TakedownDesk.Application.Features.Documents;

/// <summary>The notice as it stands, for the screen, marked DRAFT: allowed while elements are missing (the page lists them beside it).</summary>
public sealed record PreviewRemovalNoticeQuery(Guid RequestId) : IQuery<NoticePreview>;

public sealed record NoticePreview(string Html, string PlainText, string TemplateFile, bool IsComplete);

public sealed class PreviewRemovalNoticeHandler(RemovalNotices notices, IDocumentRenderer renderer) : IQueryHandler<PreviewRemovalNoticeQuery, NoticePreview>
{
    public async ValueTask<NoticePreview> Handle(PreviewRemovalNoticeQuery query, CancellationToken cancellationToken)
    {
        var (documentRequest, request) = await notices.ComposeAsync(query.RequestId, cancellationToken);
        var rendered = await renderer.RenderAsync(documentRequest, cancellationToken);
        return new NoticePreview(DraftWatermark.Apply(rendered.Html), rendered.PlainText, rendered.TemplateFile, request.MissingElements.Count == 0);
    }
}
