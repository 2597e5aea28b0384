namespace TakedownDesk.Application.Documents.Models;

/// <summary>A factual pack for a report to the FTC about a platform that did not comply.</summary>
public sealed record FtcReportPackModel(
    string CaseReference,
    string OrganisationName,
    PlatformModel Platform,
    IReadOnlyList<TimelineRowModel> Timeline,
    IReadOnlyList<RequestElementsProofModel> Requests,
    IReadOnlyList<LocationStatusModel> Locations,
    ContactModel PreparedBy,
    string GeneratedAt,
    string Language);
