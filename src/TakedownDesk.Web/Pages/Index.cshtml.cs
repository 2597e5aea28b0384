using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TakedownDesk.Application.Features.Deadlines;
using TakedownDesk.Application.Features.Escalations;

namespace TakedownDesk.Web.Pages;

/// <summary>The home page: what is overdue (most overdue first), then due within 12 hours, the rest of today, the rest of the next 48 hours, then later; then the follow-ups of requests without a deadline.</summary>
public sealed class IndexModel(ISender mediator) : PageModel
{
    public DeadlineBoard Board { get; private set; } = new(default, [], [], []);

    public StaffTime Time { get; private set; } = new(TimeZoneInfo.Utc);

    public IReadOnlyList<DeadlineRow> Overdue { get; private set; } = [];

    public IReadOnlyList<DeadlineRow> Within12Hours { get; private set; } = [];

    public IReadOnlyList<DeadlineRow> RestOfToday { get; private set; } = [];

    /// <summary>Due within 48 hours of now, after today and after the next 12 hours (shown above).</summary>
    public IReadOnlyList<DeadlineRow> Within48Hours { get; private set; } = [];

    public IReadOnlyList<DeadlineRow> Later { get; private set; } = [];

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
        Work = await mediator.Send(new ListEscalationWorkQuery(), ct);
    }
}

public sealed record DeadlineSection(string Title, string Id, IReadOnlyList<DeadlineRow> Rows, StaffTime Time, string Empty);
