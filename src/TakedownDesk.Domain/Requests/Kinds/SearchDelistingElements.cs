namespace TakedownDesk.Domain.Requests.Kinds;

/// <summary>
/// What a search engine needs to delist: the result URLs and the searches that show them, so it can check both;
/// plus the signature and contact every request carries.
/// </summary>
public static class SearchDelistingElements
{
    public const string ResultUrls = "Result URLs";
    public const string SearchQueries = "Search queries";

    public static IReadOnlyList<MissingElement> MissingFrom(SignatureBlock? signature, int locationCount, SearchDelistingDetails? details, RequesterContact? contact) =>
        RequiredElements.Of(
            RequiredElements.SignatureOf(signature),
            RequiredElements.Unless(locationCount > 0, ResultUrls, "At least one result URL to delist."),
            RequiredElements.Unless(details is { SearchQueries.Count: > 0 }, SearchQueries, "At least one search that shows these results."),
            RequiredElements.ContactOf(contact));
}
