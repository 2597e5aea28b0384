namespace TakedownDesk.Application.Common;

/// <summary>Who is acting. Caseworkers see only the cases assigned to them; supervisors see all.</summary>
public interface ICurrentStaff
{
    string Id { get; }

    bool SeesAllCases { get; }
}
