namespace TakedownDesk.Domain.Requests;

/// <summary>
/// The four elements a valid removal request holds (Sec. 3): signature, identification and location,
/// good-faith statement of non-consent, contact information. Checked before anything is sent.
/// </summary>
public static class StatutoryElements
{
    public const string Signature = RequiredElements.Signature;
    public const string IdentificationAndLocation = "Identification and location";
    public const string GoodFaithStatement = "Good-faith statement";
    public const string ContactInformation = RequiredElements.ContactInformation;

    public static IReadOnlyList<MissingElement> MissingFrom(
        SignatureBlock? signature,
        int locationCount,
        string? goodFaithStatement,
        RequesterContact? contact) =>
        RequiredElements.Of(
            RequiredElements.SignatureOf(signature),
            RequiredElements.Unless(locationCount > 0, IdentificationAndLocation, "At least one URL where the depiction appears, so the platform can locate it."),
            RequiredElements.Unless(!string.IsNullOrWhiteSpace(goodFaithStatement), GoodFaithStatement, "A brief statement of good-faith belief that the depiction is not consensual."),
            RequiredElements.ContactOf(contact));
}
