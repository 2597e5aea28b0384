namespace TakedownDesk.Application.Documents.Models;

/// <summary>Statutory element 2: one depiction and every location of it, so copies are cited together.</summary>
public sealed record DepictionModel(string Label, IReadOnlyList<LocationModel> Locations);
