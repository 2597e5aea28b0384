namespace TakedownDesk.Domain.Requests.Kinds;

/// <summary>The fields only one kind of request has; at most the request's own kind is filled in.</summary>
public sealed record KindFields(
    ModelReportDetails? ModelReport = null,
    SearchDelistingDetails? SearchDelisting = null,
    TrainingOptOutDetails? TrainingOptOut = null,
    FaceSearchOptOutDetails? FaceSearchOptOut = null)
{
    public static readonly KindFields None = new();

    /// <summary>The kinds whose fields were given, for <see cref="Rules.EachKindTakesOnlyItsOwnFields"/>.</summary>
    public IEnumerable<(RequestKind Kind, string Field)> Given()
    {
        if (ModelReport is not null)
        {
            yield return (RequestKind.ModelLikenessReport, nameof(ModelReport));
        }

        if (SearchDelisting is not null)
        {
            yield return (RequestKind.SearchDelisting, nameof(SearchDelisting));
        }

        if (TrainingOptOut is not null)
        {
            yield return (RequestKind.TrainingOptOut, nameof(TrainingOptOut));
        }

        if (FaceSearchOptOut is not null)
        {
            yield return (RequestKind.FaceSearchOptOut, nameof(FaceSearchOptOut));
        }
    }
}
