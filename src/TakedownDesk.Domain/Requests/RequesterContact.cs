namespace TakedownDesk.Domain.Requests;

/// <summary>Statutory element 4: how the platform can reach the requester (usually the organisation, not the victim).</summary>
public sealed record RequesterContact(string Name, string? Organisation, string? Email, string? Phone, string? PostalAddress)
{
    public bool IsComplete =>
        !string.IsNullOrWhiteSpace(Name)
        && (!string.IsNullOrWhiteSpace(Email) || !string.IsNullOrWhiteSpace(Phone) || !string.IsNullOrWhiteSpace(PostalAddress));
}
