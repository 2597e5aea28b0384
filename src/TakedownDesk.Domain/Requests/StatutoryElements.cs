namespace TakedownDesk.Domain.Requests;

/// <summary>
/// The four elements a valid removal request holds (Sec. 3): signature, identification and location,
/// good-faith statement of non-consent, contact information. Checked before anything is sent.
/// </summary>
public static class StatutoryElements
{
    public const string Signature = "Signature";
    public const string IdentificationAndLocation = "Identification and location";
    public const string GoodFaithStatement = "Good-faith statement";
    public const string ContactInformation = "Contact information";

    public static IReadOnlyList<MissingElement> MissingFrom(
        SignatureBlock? signature,
        int locationCount,
        string? goodFaithStatement,
        RequesterContact? contact)
    {
        var missing = new List<MissingElement>();
        if (signature is not { IsComplete: true })
        {
            missing.Add(new MissingElement(
                Signature,
                "A physical or electronic signature of the depicted person or the authorized person; an authorized person must state the basis of their authority."));
        }

        if (locationCount == 0)
        {
            missing.Add(new MissingElement(IdentificationAndLocation, "At least one URL where the depiction appears, so the platform can locate it."));
        }

        if (string.IsNullOrWhiteSpace(goodFaithStatement))
        {
            missing.Add(new MissingElement(GoodFaithStatement, "A brief statement of good-faith belief that the depiction is not consensual."));
        }

        if (contact is not { IsComplete: true })
        {
            missing.Add(new MissingElement(ContactInformation, "A name and at least one of e-mail, phone or postal address for the requester."));
        }

        return missing;
    }
}
