using TakedownDesk.Application.Documents.Models;
using TakedownDesk.Domain.Requests;

namespace TakedownDesk.Application.Documents.Composers;

/// <summary>The opt-out to an AI service or dataset: what is to be excluded from training.</summary>
public sealed class TrainingOptOutComposer : INoticeComposer
{
    public RequestKind Kind => RequestKind.TrainingOptOut;

    public string TemplateFor(NoticeParts parts) => DocumentTemplates.TrainingOptOut;

    public object Compose(NoticeParts parts) =>
        new TrainingOptOutModel(
            parts.OrganisationName,
            parts.Platform,
            parts.Request.Reference,
            NoticeParts.OrEmpty(parts.Request.TrainingOptOut?.DatasetName),
            NoticeParts.OrEmpty(parts.Request.TrainingOptOut?.Exclusion),
            parts.LocationUrls,
            NoticeParts.OrEmpty(parts.Request.GoodFaithStatement),
            parts.Signature,
            parts.Contact,
            parts.GeneratedAt,
            parts.Language);
}
