namespace TakedownDesk.Domain.Victims;

/// <summary>The personal details a release allows the organisation to disclose to a platform.</summary>
[Flags]
public enum DisclosableDetails
{
    None = 0,
    LegalName = 1,
    Email = 2,
    Phone = 4,
    PostalAddress = 8,
    Signature = 16,
}
