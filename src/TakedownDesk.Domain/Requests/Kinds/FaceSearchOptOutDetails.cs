namespace TakedownDesk.Domain.Requests.Kinds;

/// <summary>
/// What a face-search engine (the request's platform) is asked to do: which results and face data to remove and block;
/// ResultReferences are the engine's own identifiers of results, when the person has them. Never a photograph.
/// </summary>
public sealed record FaceSearchOptOutDetails(string? Removal, string? ResultReferences)
{
    public FaceSearchOptOutDetails Trimmed() => new(Text.Trimmed(Removal), Text.Trimmed(ResultReferences));
}
