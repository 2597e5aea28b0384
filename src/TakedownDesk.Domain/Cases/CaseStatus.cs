namespace TakedownDesk.Domain.Cases;

public enum CaseStatus
{
    Open,
    Monitoring,
    Closed,
    Reopened,
}
