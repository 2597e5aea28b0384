namespace TakedownDesk.Domain.Requests;

public enum RequestStatus
{
    Draft,
    Ready,
    Submitted,
    Acknowledged,
    Overdue,
    Resolved,
    ValidityDisputed,
}
