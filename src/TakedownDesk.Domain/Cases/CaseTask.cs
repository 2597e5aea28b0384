using TakedownDesk.Domain.Cases.Rules;
using TakedownDesk.Domain.Common;

namespace TakedownDesk.Domain.Cases;

/// <summary>Something to do on a case by a date; open tasks come onto the board. The title may name the victim, so it is sealed.</summary>
public sealed class CaseTask : Entity
{
    public const int MaxTitleLength = 300;

    private CaseTask()
    {
        Title = string.Empty;
        AssigneeId = string.Empty;
    }

    internal CaseTask(Guid caseId, Guid victimId, string title, DateTime dueAtUtc, string assigneeId, DateTime nowUtc)
    {
        CheckRule(new TaskNeedsATitle(title));
        CheckRule(new CaseMustBeAssigned(assigneeId));
        Id = Guid.NewGuid();
        CaseId = caseId;
        VictimId = victimId;
        Title = title.Trim();
        DueAtUtc = Utc.Require(dueAtUtc);
        AssigneeId = assigneeId;
        CreatedAtUtc = Utc.Require(nowUtc);
    }

    public Guid CaseId { get; private set; }

    public Guid VictimId { get; private set; }

    public string Title { get; private set; }

    public DateTime DueAtUtc { get; private set; }

    public string AssigneeId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? DoneAtUtc { get; private set; }

    public bool IsDone => DoneAtUtc is not null;

    /// <summary>Returns whether anything changed: marking a done task done again keeps the first time.</summary>
    internal bool MarkDone(bool done, DateTime nowUtc)
    {
        if (IsDone == done)
        {
            return false;
        }

        DoneAtUtc = done ? Utc.Require(nowUtc) : null;
        return true;
    }
}
