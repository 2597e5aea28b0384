namespace TakedownDesk.Domain.Cases;

public enum LocationStatus
{
    Unknown,
    Live,
    Removed,
}
