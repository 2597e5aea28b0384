namespace TakedownDesk.Application.Documents.Models;

/// <summary>Where one location stands now, for the FTC pack: its depiction, its URL and the latest outcome or check.</summary>
public sealed record LocationStatusModel(string Depiction, string Url, string Status);
