namespace TakedownDesk.Domain.Victims;

public enum ContactChannelKind
{
    Email,
    Phone,
    Postal,
    Messaging,
    Other,
}
