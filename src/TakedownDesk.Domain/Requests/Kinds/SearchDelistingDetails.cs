namespace TakedownDesk.Domain.Requests.Kinds;

/// <summary>The searches on the engine (the request's platform) that surface the result URLs (the request's locations).</summary>
public sealed record SearchDelistingDetails(IReadOnlyList<string> SearchQueries)
{
    public SearchDelistingDetails Trimmed() =>
        new(SearchQueries.Select(Text.Trimmed).OfType<string>().Distinct(StringComparer.Ordinal).ToList());
}
