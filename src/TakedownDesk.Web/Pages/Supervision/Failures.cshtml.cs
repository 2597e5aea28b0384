using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TakedownDesk.Application.Features.Escalations;
using TakedownDesk.Application.Features.Outbox;

namespace TakedownDesk.Web.Pages.Supervision;

/// <summary>
/// Supervisors (the /Supervision folder requires the role) see the escalation steps that gave up and the e-mails that
/// did not go out, and put them back once the cause is fixed. Case and request references only: no victim data.
/// </summary>
public sealed class FailuresModel(ISender mediator) : PageModel
{
    public const string RetriedStep = "step";
    public const string RetriedEmail = "email";

    public StaffTime Time { get; private set; } = new(TimeZoneInfo.Utc);

    public IReadOnlyList<FailedEscalationStep> Steps { get; private set; } = [];

    public IReadOnlyList<OutboxItem> Emails { get; private set; } = [];

    /// <summary>What the last POST put back (the redirect after it says so), for the confirmation line.</summary>
    public string? Retried { get; private set; }

    public async Task OnGetAsync(string? retried, CancellationToken ct)
    {
        Retried = retried is RetriedStep or RetriedEmail ? retried : null;
        await LoadAsync(ct);
    }

    public Task<IActionResult> OnPostRetryStepAsync(Guid stepId, CancellationToken ct) =>
        RunAsync(() => mediator.Send(new RetryEscalationStepCommand(stepId), ct), RetriedStep, ct);

    public Task<IActionResult> OnPostRetryEmailAsync(Guid messageId, bool confirmedNotDelivered, CancellationToken ct) =>
        RunAsync(() => mediator.Send(new RetryOutboxMessageCommand(messageId, confirmedNotDelivered), ct), RetriedEmail, ct);

    /// <summary>Redirects after a retry (a reload does not post again); a refused retry shows the page with the reason.</summary>
    private async Task<IActionResult> RunAsync<T>(Func<ValueTask<T>> send, string what, CancellationToken ct)
    {
        if ((await this.TrySendAsync(send)).Sent)
        {
            return RedirectToPage(new { retried = what });
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Time = StaffTime.For(User);
        Steps = await mediator.Send(new ListFailedEscalationStepsQuery(), ct);
        Emails = await mediator.Send(new ListOutboxQuery(OnlyNeedingStaff: true), ct);
    }
}
