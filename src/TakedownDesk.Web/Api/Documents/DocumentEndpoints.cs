using Mediator;
using TakedownDesk.Application.Features.Documents;
using TakedownDesk.Domain.Documents;

namespace TakedownDesk.Web.Api.Documents;

/// <summary>A request's notice: the on-screen preview (marked DRAFT), the stored final PDF, every stored version, and their download.</summary>
public static class DocumentEndpoints
{
    /// <summary>The preview is the template's own HTML, with its inline print styles; nothing else may run or load.</summary>
    public const string PreviewPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox; frame-ancestors 'self'";

    public const string PreviewSegment = "notice-preview";

    public static void MapDocumentEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet($"/requests/{{requestId:guid}}/{PreviewSegment}", async (Guid requestId, ISender mediator, CancellationToken ct) =>
                TypedResults.Content((await mediator.Send(new PreviewRemovalNoticeQuery(requestId), ct)).Html, "text/html; charset=utf-8"))
            .Produces<string>(StatusCodes.Status200OK, "text/html")
            .WithTags("Documents");

        api.MapPost("/requests/{requestId:guid}/notices", async (Guid requestId, ISender mediator, CancellationToken ct) =>
            {
                var notice = await mediator.Send(new GenerateRemovalNoticeCommand(requestId), ct);
                return TypedResults.Created($"/api/v1/documents/{notice.DocumentId}/pdf", notice);
            })
            .WithTags("Documents");

        api.MapGet("/requests/{requestId:guid}/documents", async (Guid requestId, ISender mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListRequestDocumentsQuery(requestId), ct)))
            .WithTags("Documents");

        api.MapGet("/documents/{documentId:guid}/pdf", async (Guid documentId, ISender mediator, CancellationToken ct) =>
            {
                var document = await mediator.Send(new GetGeneratedDocumentQuery(documentId), ct);
                return TypedResults.File(document.Pdf, "application/pdf", $"{DownloadName(document.Kind)}-v{document.Version}-{document.PdfSha256[..12]}.pdf");
            })
            .Produces<byte[]>(StatusCodes.Status200OK, "application/pdf")
            .WithTags("Documents");
    }

    /// <summary>The historic name for removal notices, so existing links and scripts keep their file names.</summary>
    private static string DownloadName(DocumentKind kind) => kind switch
    {
        DocumentKind.FollowUpNotice => "follow-up",
        DocumentKind.FtcReportPack => "ftc-report-pack",
        _ => "notice",
    };
}
