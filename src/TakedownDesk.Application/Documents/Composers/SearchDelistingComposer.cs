using TakedownDesk.Application.Documents.Models;
using TakedownDesk.Domain.Requests;

namespace TakedownDesk.Application.Documents.Composers;

/// <summary>The delisting request to a search engine: the result URLs and the searches that show them.</summary>
public sealed class SearchDelistingComposer : INoticeComposer
{
    public RequestKind Kind => RequestKind.SearchDelisting;

    public string TemplateFor(NoticeParts parts) => DocumentTemplates.SearchDelisting;

    public object Compose(NoticeParts parts) =>
        new SearchDelistingModel(
            parts.OrganisationName,
            parts.Platform,
            parts.Request.Reference,
            parts.Request.SearchDelisting?.SearchQueries ?? [],
            parts.LocationUrls,
            NoticeParts.OrEmpty(parts.Request.GoodFaithStatement),
            parts.Signature,
            parts.Contact,
            parts.GeneratedAt,
            parts.Language);
}
