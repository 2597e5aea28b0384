namespace TakedownDesk.Application.Documents.Models;

/// <summary>Statutory element 4: how the platform reaches the requester; empty strings for fields left out.</summary>
public sealed record ContactModel(string Name, string Organisation, string Email, string Phone, string PostalAddress);
