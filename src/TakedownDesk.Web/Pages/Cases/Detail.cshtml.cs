using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Cases;
using TakedownDesk.Application.Features.Locations;
using TakedownDesk.Application.Features.Platforms;
using TakedownDesk.Application.Features.Victims;
using TakedownDesk.Domain.Victims;

namespace TakedownDesk.Web.Pages.Cases;

/// <summary>The case page. Confidential details are fetched only on an explicit "show".</summary>
public sealed partial class CaseDetailModel(ISender mediator, IStaffAccounts staffAccounts, TimeProvider clock) : PageModel
{
    [BindProperty]
    public DraftForm Draft { get; set; } = new();

    [BindProperty]
    public PasteForm Paste { get; set; } = new();

    [BindProperty]
    public ReleaseForm Release { get; set; } = new();

    [BindProperty]
    public IncidentForm Incident { get; set; } = new();

    public CaseDetail? Case { get; private set; }

    /// <summary>Which page of the case's locations to show (<c>?locations=2</c>).</summary>
    [BindProperty(SupportsGet = true, Name = "locations")]
    public int LocationsPage { get; set; } = 1;

    public ConfidentialDetailsView? Confidential { get; private set; }

    public PasteResult? PasteResult { get; private set; }

    public IReadOnlyList<PlatformListItem> Platforms { get; private set; } = [];

    /// <summary>Who the case can be handed to: every staff account.</summary>
    public IReadOnlyList<StaffAccount> Staff { get; private set; } = [];

    public DateTime NowUtc => clock.GetUtcNow().UtcDateTime;

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct);

    /// <summary>Who did it, as staff know each other; scheduled work acts as "the desk", a deleted account as "a former account".</summary>
    public string ActorName(string actorId) =>
        actorId == SystemActor.Id ? "the desk" : Staff.FirstOrDefault(s => s.Id == actorId)?.DisplayName ?? "a former account";

    public bool HasErrors(string prefix) =>
        ModelState.Any(entry => entry.Key.StartsWith(prefix + ".", StringComparison.Ordinal) && entry.Value is { Errors.Count: > 0 });

    /// <summary>Runs one form's command; on failure the page is shown again with the posted form's values and its errors.</summary>
    private async Task<IActionResult> RunAsync<T>(Guid id, Func<ValueTask<T>> send, string prefix, CancellationToken ct)
    {
        return (await this.TrySendAsync(send, prefix, FormField)).Sent ? Redirect($"/Cases/{id}") : await ShowAsync(id, ct);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        return Page();
    }

    /// <summary>"Release.SignedBy" of a command is "SignedBy" of its form, whose prefix the helper adds.</summary>
    private static string FormField(string field) =>
        field.StartsWith("Release.", StringComparison.Ordinal) || field.StartsWith("Incident.", StringComparison.Ordinal)
            ? field[(field.IndexOf('.', StringComparison.Ordinal) + 1)..]
            : field;

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        if (Release.SignedAt == default)
        {
            var now = LocalNowToTheMinute();
            var today = now.Date;
            Release.SignedAt = today;
            Release.ExpiresAt = today.AddDays(180);
            Release.Disclosable = [DisclosableDetails.LegalName, DisclosableDetails.Email, DisclosableDetails.Signature];
            Incident.DiscoveredAt = now;
        }

        NewTask.DueAt ??= LocalNowToTheMinute().AddDays(1);

        // Consent is usually given on the call being recorded: offer now, to the minute, in the staff member's zone.
        HashMatching.ConsentGivenAt ??= LocalNowToTheMinute();

        Case = await mediator.Send(new GetCaseDetailQuery(id, LocationsPage), ct);
        await LoadPreventionAsync(id, ct);
        Platforms = await mediator.Send(new ListPlatformsQuery(), ct);
        Staff = await staffAccounts.ListAsync(ct);
    }

    private DateTime LocalNowToTheMinute()
    {
        var now = StaffTime.For(User).Local(clock.GetUtcNow().UtcDateTime);
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMinute));
    }
}
