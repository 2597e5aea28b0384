using TakedownDesk.Domain.Common;

namespace TakedownDesk.Domain.Victims;

/// <summary>One way to reach the victim, with whether it is safe to use (an abuser may read a shared inbox).</summary>
public sealed class ContactChannel : Entity
{
    private ContactChannel()
    {
        Value = string.Empty;
    }

    public ContactChannel(ContactChannelKind kind, string value, bool safeToContact, string? safetyNote)
    {
        Id = Guid.NewGuid();
        Kind = kind;
        Value = value.Trim();
        SafeToContact = safeToContact;
        SafetyNote = string.IsNullOrWhiteSpace(safetyNote) ? null : safetyNote.Trim();
    }

    public ContactChannelKind Kind { get; private set; }

    public string Value { get; private set; }

    public bool SafeToContact { get; private set; }

    public string? SafetyNote { get; private set; }
}
