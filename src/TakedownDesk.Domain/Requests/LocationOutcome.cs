namespace TakedownDesk.Domain.Requests;

public enum LocationOutcome
{
    Pending,
    Removed,
    NotRemoved,
}
