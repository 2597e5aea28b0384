using TakedownDesk.Application.Documents.Models;
using TakedownDesk.Domain.Requests;

namespace TakedownDesk.Application.Documents.Composers;

/// <summary>The opt-out to a face-search engine: which results and face data to remove, and the face kept out of future searches.</summary>
public sealed class FaceSearchOptOutComposer : INoticeComposer
{
    public RequestKind Kind => RequestKind.FaceSearchOptOut;

    public string TemplateFor(NoticeParts parts) => DocumentTemplates.FaceSearchOptOut;

    public object Compose(NoticeParts parts) =>
        new FaceSearchOptOutModel(
            parts.OrganisationName,
            parts.Platform,
            parts.Request.Reference,
            NoticeParts.OrEmpty(parts.Request.FaceSearchOptOut?.Removal),
            NoticeParts.OrEmpty(parts.Request.FaceSearchOptOut?.ResultReferences),
            parts.LocationUrls,
            NoticeParts.OrEmpty(parts.Request.GoodFaithStatement),
            parts.Signature,
            parts.Contact,
            parts.GeneratedAt,
            parts.Language);
}
