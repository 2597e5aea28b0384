namespace TakedownDesk.Domain.Requests.Kinds;

/// <summary>
/// What a face-search engine needs to honour an opt-out: what to remove and block (the locations are the result or
/// source pages, as examples); plus the signature and contact every request carries. A photo of the face is never part of it.
/// </summary>
public static class FaceSearchOptOutElements
{
    public const string Removal = "What to remove and block";

    public static IReadOnlyList<MissingElement> MissingFrom(SignatureBlock? signature, FaceSearchOptOutDetails? details, RequesterContact? contact) =>
        RequiredElements.Of(
            RequiredElements.SignatureOf(signature),
            RequiredElements.Unless(details?.Removal is not null, Removal, "Which results and face data the engine is to remove, and that the face is to be kept out of future searches."),
            RequiredElements.ContactOf(contact));
}
