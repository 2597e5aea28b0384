namespace TakedownDesk.Domain.Cases;

/// <summary>
/// What identifies a person-specific model (sealed with the victim's key): its name on the hub, the trigger words that
/// make it draw the person, and why it depicts this person. Its pages (the hub's and the mirrors') are its depiction's locations.
/// </summary>
public sealed record ModelOnHub(string ModelName, IReadOnlyList<string> TriggerWords, string LikenessReason)
{
    public ModelOnHub Trimmed() =>
        new(ModelName.Trim(), TriggerWords.Select(w => w.Trim()).Where(w => w.Length > 0).Distinct(StringComparer.Ordinal).ToList(), LikenessReason.Trim());

    /// <summary>The likeness statement a hub reads: the reason, then the trigger words that prove it.</summary>
    public string LikenessStatement() =>
        TriggerWords.Count == 0 ? LikenessReason : $"{LikenessReason} Trigger words: {string.Join(", ", TriggerWords)}.";
}
