namespace TakedownDesk.Domain.Requests;

/// <summary>
/// What every kind of request needs: a signature and contact information, because each discloses the victim's details under
/// their release; and the helpers each kind's checklist is written with.
/// </summary>
public static class RequiredElements
{
    public const string Signature = "Signature";
    public const string ContactInformation = "Contact information";

    internal static MissingElement? SignatureOf(SignatureBlock? signature) =>
        Unless(
            signature is { IsComplete: true },
            Signature,
            "A physical or electronic signature of the depicted person or the authorized person; an authorized person must state the basis of their authority.");

    internal static MissingElement? ContactOf(RequesterContact? contact) =>
        Unless(contact is { IsComplete: true }, ContactInformation, "A name and at least one of e-mail, phone or postal address for the requester.");

    internal static MissingElement? Unless(bool present, string element, string whatIsNeeded) =>
        present ? null : new MissingElement(element, whatIsNeeded);

    internal static IReadOnlyList<MissingElement> Of(params MissingElement?[] checks) => checks.OfType<MissingElement>().ToList();
}
