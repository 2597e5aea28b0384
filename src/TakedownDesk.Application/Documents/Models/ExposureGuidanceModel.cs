namespace TakedownDesk.Application.Documents.Models;

/// <summary>The plain-language guidance a caseworker hands to the victim on reducing public photo exposure, with their own checklist.</summary>
/// <remarks>
/// Sources: The victim's public profiles and photo sources from their prevention plan; may be empty.<br/>
/// GeneratedAt: Pre-formatted date the sheet was printed.<br/>
/// </remarks>
public sealed record ExposureGuidanceModel(string OrganisationName, IReadOnlyList<PhotoSourceModel> Sources, string GeneratedAt, string Language);

/// <summary>One profile on the victim's checklist.</summary>
/// <remarks>Status: one of <c>to-review</c>, <c>made-private</c>, <c>removed</c>, <c>kept</c>; each template words it in its own language.</remarks>
public sealed record PhotoSourceModel(string Platform, string Url, string Status);
