namespace TakedownDesk.Domain.Requests.Kinds;

/// <summary>
/// What a likeness report says about a person-specific model on a hub (the request's platform); its locations are the model's URLs.
/// The intimate preview images go in a separate Sec. 3 request, cited here by its reference.
/// </summary>
public sealed record ModelReportDetails(string? ModelName, string? LikenessStatement, string? PolicyClause, string? RelatedRemovalRequestReference)
{
    public ModelReportDetails Trimmed() =>
        new(Text.Trimmed(ModelName), Text.Trimmed(LikenessStatement), Text.Trimmed(PolicyClause), Text.Trimmed(RelatedRemovalRequestReference));
}
