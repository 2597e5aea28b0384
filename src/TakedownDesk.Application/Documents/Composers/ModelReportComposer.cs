using TakedownDesk.Application.Documents.Models;
using TakedownDesk.Domain.Requests;

namespace TakedownDesk.Application.Documents.Composers;

/// <summary>The likeness report to a model hub: the model, why it depicts this person, the hub's own rule it breaks.</summary>
public sealed class ModelReportComposer : INoticeComposer
{
    public RequestKind Kind => RequestKind.ModelLikenessReport;

    public string TemplateFor(NoticeParts parts) => DocumentTemplates.ModelReport;

    public object Compose(NoticeParts parts)
    {
        var details = parts.Request.ModelReport;
        return new ModelReportModel(
            parts.OrganisationName,
            parts.Platform,
            parts.Request.Reference,
            NoticeParts.OrEmpty(details?.ModelName),
            parts.LocationUrls,
            NoticeParts.OrEmpty(details?.LikenessStatement),
            NoticeParts.OrEmpty(details?.PolicyClause),
            NoticeParts.OrEmpty(details?.RelatedRemovalRequestReference),
            parts.Signature,
            parts.Contact,
            parts.GeneratedAt,
            parts.Language);
    }
}
