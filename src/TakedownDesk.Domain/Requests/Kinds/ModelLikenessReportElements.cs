namespace TakedownDesk.Domain.Requests.Kinds;

/// <summary>
/// What a hub needs to act on a likeness report under its own rules: where the model is, which model, why it depicts this
/// person, and which of its policy clauses the model breaks; plus the signature and contact every request carries.
/// </summary>
public static class ModelLikenessReportElements
{
    public const string ModelLocation = "Model location";
    public const string ModelName = "Model name";
    public const string LikenessStatement = "Likeness statement";
    public const string PolicyClause = "Policy clause";

    public static IReadOnlyList<MissingElement> MissingFrom(SignatureBlock? signature, int locationCount, ModelReportDetails? details, RequesterContact? contact) =>
        RequiredElements.Of(
            RequiredElements.SignatureOf(signature),
            RequiredElements.Unless(locationCount > 0, ModelLocation, "At least one URL of the model on the hub."),
            RequiredElements.Unless(details?.ModelName is not null, ModelName, "The model's name as the hub shows it."),
            RequiredElements.Unless(details?.LikenessStatement is not null, LikenessStatement, "Why the model depicts this person (name, trigger word, sample images)."),
            RequiredElements.Unless(details?.PolicyClause is not null, PolicyClause, "The clause of the hub's own policy or terms that the model breaks."),
            RequiredElements.ContactOf(contact));
}
