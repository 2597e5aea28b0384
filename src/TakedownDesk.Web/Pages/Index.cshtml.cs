using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Deadlines;
using TakedownDesk.Application.Features.Escalations;

namespace TakedownDesk.Web.Pages;

/// <summary>
/// The home page: what is overdue (most overdue first), then due within 12 hours, the rest of today, the rest of the next 48 hours,
/// then later; the case tasks overdue, due in 48 hours and later; then the follow-ups of requests without a deadline.
/// </summary>
public sealed class IndexModel(ISender mediator, IStaffAccounts staffAccounts) : PageModel
{
    public DeadlineBoard Board { get; private set; } = new(default, [], [], [], []);

    public StaffTime Time { get; private set; } = new(TimeZoneInfo.Utc);

    public IReadOnlyList<DeadlineRow> Overdue { get; private set; } = [];

    public IReadOnlyList<DeadlineRow> Within12Hours { get; private set; } = [];

    public IReadOnlyList<DeadlineRow> RestOfToday { get; private set; } = [];

    /// <summary>Due within 48 hours of now, after today and after the next 12 hours (shown above).</summary>
    public IReadOnlyList<DeadlineRow> Within48Hours { get; private set; } = [];

    public IReadOnlyList<DeadlineRow> Later { get; private set; } = [];

    public IReadOnlyList<TaskRow> TasksOverdue { get; private set; } = [];

    public IReadOnlyList<TaskRow> TasksWithin48Hours { get; private set; } = [];

    public IReadOnlyList<TaskRow> TasksLater { get; private set; } = [];

    /// <summary>Who each task is for, by name.</summary>
    public IReadOnlyDictionary<string, string> StaffNames { get; private set; } = new Dictionary<string, string>();

    /// <summary>Follow-ups the desk drafted that wait for staff, and FTC packs to file.</summary>
    public EscalationWork Work { get; private set; } = new([], []);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Time = StaffTime.For(User);
        Board = await mediator.Send(new GetDeadlineBoardQuery(24 * 14), ct);
        var endOfToday = Time.EndOfLocalDayUtc(Board.NowUtc);
        Overdue = Board.Overdue.OrderBy(r => r.DeadlineAtUtc).ToList();
        Within12Hours = Board.DueSoon.Where(r => r.Remaining <= TimeSpan.FromHours(12)).ToList();
        RestOfToday = Board.DueSoon.Where(r => r.Remaining > TimeSpan.FromHours(12) && r.DeadlineAtUtc < endOfToday).ToList();
        var afterToday = Board.DueSoon.Where(r => r.Remaining > TimeSpan.FromHours(12) && r.DeadlineAtUtc >= endOfToday).ToList();
        Within48Hours = afterToday.Where(r => r.Remaining <= TimeSpan.FromHours(48)).ToList();
        Later = afterToday.Where(r => r.Remaining > TimeSpan.FromHours(48)).ToList();
        TasksOverdue = Board.Tasks.Where(t => t.Overdue).ToList();
        TasksWithin48Hours = Board.Tasks.Where(t => !t.Overdue && t.DueAtUtc - Board.NowUtc <= TimeSpan.FromHours(48)).ToList();
        TasksLater = Board.Tasks.Where(t => t.DueAtUtc - Board.NowUtc > TimeSpan.FromHours(48)).ToList();
        StaffNames = (await staffAccounts.ListAsync(ct)).ToDictionary(s => s.Id, s => s.DisplayName);
        Work = await mediator.Send(new ListEscalationWorkQuery(), ct);
    }
}

public sealed record TaskSection(string Title, string Id, IReadOnlyList<TaskRow> Rows, IndexModel Board, string Empty)
{
    public StaffTime Time => Board.Time;

    public DateTime NowUtc => Board.Board.NowUtc;

    public string NameOf(string staffId) => Board.StaffNames.GetValueOrDefault(staffId, "a former account");
}

public sealed record DeadlineSection(string Title, string Id, IReadOnlyList<DeadlineRow> Rows, StaffTime Time, string Empty);
