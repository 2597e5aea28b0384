namespace TakedownDesk.Application.Documents.Models;

/// <summary>The written, time-limited release that lets staff act for the victim.</summary>
/// <remarks>
/// VictimPseudonym: Empty prints blank lines for the person to fill in by hand.<br/>
/// Expiry: Pre-formatted date the release ends.<br/>
/// </remarks>
public sealed record ReleaseFormModel(
    string OrganisationName,
    string VictimPseudonym,
    IReadOnlyList<string> PlatformsCovered,
    IReadOnlyList<string> DisclosableDetails,
    string Expiry,
    string GeneratedAt,
    string Language);
