namespace TakedownDesk.Domain.Victims;

/// <summary>
/// What identifies the victim. Every field may be left empty: staff record only what the work needs.
/// </summary>
public sealed record ConfidentialDetails(string? LegalName, DateOnly? DateOfBirth, string? PreferredLanguage, string? Notes)
{
    public static ConfidentialDetails None { get; } = new(null, null, null, null);
}
