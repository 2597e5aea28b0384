using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TakedownDesk.Application.Features.Deadlines;
using TakedownDesk.Application.Features.Escalations;

namespace TakedownDesk.Web.Pages;

/// <summary>The home page: what is overdue (most overdue first), then due within 12 hours, then the rest of today, then later; then the follow-ups of requests without a deadline.</summary>
public sealed class IndexModel(ISender mediator) : PageModel
{
    public DeadlineBoard Board { get; private set; } = new(default, [], [], []);

    public StaffTime Time { get; private set; } = new(TimeZoneInfo.Utc);

    public IReadOnlyList<DeadlineRow> Overdue { get; private set; } = [];

    public IReadOnlyList<DeadlineRow> Within12Hours { get; private set; } = [];

    public IReadOnlyList<DeadlineRow> RestOfToday { get; private set; } = [];

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
        Later = Board.DueSoon.Where(r => r.Remaining > TimeSpan.FromHours(12) && r.DeadlineAtUtc >= endOfToday).ToList();
        Work = await mediator.Send(new ListEscalationWorkQuery(), ct);
    }
}

public sealed record DeadlineSection(string Title, string Id, IReadOnlyList<DeadlineRow> Rows, StaffTime Time, string Empty);
