namespace TakedownDesk.Application.Documents.Models;

/// <summary>Several alerts that fell due together for one person, sent as one e-mail.</summary>
public sealed record AlertSummaryModel(string StaffName, string OrganisationName, int Count, IReadOnlyList<AlertRowModel> Rows);
