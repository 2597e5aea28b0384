using Microsoft.AspNetCore.Mvc;
using TakedownDesk.Application.Features.Casework;

namespace TakedownDesk.Web.Pages.Cases;

/// <summary>The case page's day-to-day forms: a note, a task with its due date in the staff member's zone, a task ticked done.</summary>
public sealed partial class CaseDetailModel
{
    [BindProperty]
    public NoteForm Note { get; set; } = new();

    [BindProperty]
    public TaskForm NewTask { get; set; } = new();

    public Task<IActionResult> OnPostNoteAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, () => mediator.Send(new WriteCaseNoteCommand(id, Note.Text?.Trim() ?? string.Empty), ct), "Note", ct);

    public Task<IActionResult> OnPostTaskAsync(Guid id, CancellationToken ct)
    {
        var dueAt = NewTask.DueAt is { } local ? StaffTime.For(User).ToInstant(local) : default;
        var assignee = string.IsNullOrWhiteSpace(NewTask.AssigneeId) ? null : NewTask.AssigneeId;
        return RunAsync(id, () => mediator.Send(new AddCaseTaskCommand(id, NewTask.Title?.Trim() ?? string.Empty, dueAt, assignee), ct), "NewTask", ct);
    }

    public Task<IActionResult> OnPostTaskDoneAsync(Guid id, Guid taskId, bool done, CancellationToken ct)
    {
        ModelState.Clear();
        return RunAsync(id, () => mediator.Send(new MarkCaseTaskDoneCommand(id, taskId, done), ct), string.Empty, ct);
    }
}

public sealed class NoteForm
{
    public string? Text { get; set; }
}

public sealed class TaskForm
{
    public string? Title { get; set; }

    /// <summary>In the staff member's zone; the form offers this time tomorrow.</summary>
    public DateTime? DueAt { get; set; }

    /// <summary>Empty: the case's caseworker.</summary>
    public string? AssigneeId { get; set; }
}
