namespace TakedownDesk.Domain.Requests.Kinds;

/// <summary>
/// What an AI service or dataset needs to honour an opt-out: what is to be excluded from training (its locations are
/// examples of it); plus the signature and contact every request carries.
/// </summary>
public static class TrainingOptOutElements
{
    public const string Exclusion = "What is to be excluded";

    public static IReadOnlyList<MissingElement> MissingFrom(SignatureBlock? signature, TrainingOptOutDetails? details, RequesterContact? contact) =>
        RequiredElements.Of(
            RequiredElements.SignatureOf(signature),
            RequiredElements.Unless(details?.Exclusion is not null, Exclusion, "Which images, profiles or data the service is to exclude from training."),
            RequiredElements.ContactOf(contact));
}
