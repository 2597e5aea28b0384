namespace TakedownDesk.Application.Documents.Models;

/// <summary>The morning e-mail listing a staff member's open requests.</summary>
/// <remarks>
/// Date: Pre-formatted local date of the digest.<br/>
/// </remarks>
public sealed record DailyDigestModel(string StaffName, string OrganisationName, string Date, IReadOnlyList<DigestRowModel> Rows);
