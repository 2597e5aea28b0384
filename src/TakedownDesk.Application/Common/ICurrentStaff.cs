namespace TakedownDesk.Application.Common;

/// <summary>Who is acting, and when. Caseworkers see the cases assigned to them and those they are a current co-worker on; supervisors see all.</summary>
public interface ICurrentStaff
{
    string Id { get; }

    bool SeesAllCases { get; }

    /// <summary>The instant access is checked at (from TimeProvider): a handover's grace ends by time, with no job to revoke it.</summary>
    DateTime NowUtc { get; }
}
