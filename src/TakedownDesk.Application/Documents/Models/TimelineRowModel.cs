namespace TakedownDesk.Application.Documents.Models;

/// <summary>One fact in a case timeline; <paramref name="At"/> is pre-formatted UTC.</summary>
public sealed record TimelineRowModel(string At, string Event, string Detail);
