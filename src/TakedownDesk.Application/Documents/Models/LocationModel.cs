namespace TakedownDesk.Application.Documents.Models;

/// <summary>One place a depiction can be found; the note helps the platform find it (post id, timestamp, crop).</summary>
public sealed record LocationModel(string Url, string Note);
