using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Cases;
using TakedownDesk.Application.Features.Incidents;
using TakedownDesk.Application.Features.LocationChecks;
using TakedownDesk.Application.Features.Locations;
using TakedownDesk.Application.Features.Platforms;
using TakedownDesk.Application.Features.Requests;
using TakedownDesk.Application.Features.Victims;
using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Common;
using TakedownDesk.Domain.Requests;
using TakedownDesk.Domain.Victims;

namespace TakedownDesk.Web.Pages.Cases;

/// <summary>The case page. Confidential details are fetched only on an explicit "show".</summary>
public sealed class CaseDetailModel(ISender mediator, IStaffAccounts staffAccounts, TimeProvider clock) : PageModel
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

    public async Task<IActionResult> OnPostReleaseAsync(Guid id, CancellationToken ct)
    {
        var time = StaffTime.For(User);
        var input = new ReleaseInput(
            Release.SignedBy?.Trim() ?? string.Empty,
            Release.Capacity,
            Release.Method,
            time.ToInstant(Release.SignedAt),
            time.ToInstant(Release.ExpiresAt),
            AllPlatforms: true,
            [],
            Release.Disclosable.Aggregate(DisclosableDetails.None, (all, one) => all | one));
        return await RunAsync(id, () => mediator.Send(new RecordReleaseCommand(id, input), ct).AsTask(), "Release", ct);
    }

    public Task<IActionResult> OnPostRevokeReleaseAsync(Guid id, Guid releaseId, CancellationToken ct) =>
        RunAsync(id, () => mediator.Send(new RevokeReleaseCommand(id, releaseId, "Consent withdrawn, recorded on the case page"), ct).AsTask(), string.Empty, ct);

    public Task<IActionResult> OnPostIncidentAsync(Guid id, CancellationToken ct)
    {
        var input = Incident.ToInput(StaffTime.For(User));
        return RunAsync(id, () => mediator.Send(new AddIncidentCommand(id, input), ct).AsTask(), "Incident", ct);
    }

    public Task<IActionResult> OnPostModelMirrorAsync(Guid id, Guid incidentId, string? mirrorUrl, CancellationToken ct) =>
        RunAsync(id, () => mediator.Send(new AddModelMirrorCommand(id, incidentId, mirrorUrl?.Trim() ?? string.Empty), ct).AsTask(), "Mirror", ct);

    /// <summary>"Report to the hub" / "report this mirror": the drafted model report opens for the caseworker to complete.</summary>
    public async Task<IActionResult> OnPostReportModelPageAsync(Guid id, Guid incidentId, Guid locationId, CancellationToken ct)
    {
        ModelState.Clear();
        try
        {
            var drafted = await mediator.Send(new ReportModelPageCommand(id, incidentId, locationId), ct);
            return Redirect($"/Requests/{drafted.RequestId}");
        }
        catch (BusinessRuleViolationException exception)
        {
            ModelState.AddError(exception);
        }

        await LoadAsync(id, ct);
        return Page();
    }

    public async Task OnPostShowConfidentialAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        Confidential = await mediator.Send(new GetConfidentialDetailsQuery(id), ct);
        await LoadAsync(id, ct);
    }

    public async Task<IActionResult> OnPostDraftAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        if (Draft.AllOnPlatform is { } allOnPlatform)
        {
            var toRequest = await mediator.Send(new ListLocationsToRequestQuery(id, allOnPlatform), ct);
            Draft.PlatformId = allOnPlatform;
            Draft.LocationIds = [.. toRequest.LocationIds];
            if (toRequest.LocationIds.Count == 0)
            {
                ModelState.AddModelError("Draft.LocationIds", "Every location on this platform is already in a request or recorded as removed.");
                await LoadAsync(id, ct);
                return Page();
            }
        }

        if (Draft.PlatformId is null)
        {
            ModelState.AddModelError("Draft.PlatformId", "Choose the platform to send the request to.");
        }
        else
        {
            try
            {
                var drafted = await mediator.Send(new DraftRemovalRequestCommand(id, Draft.PlatformId.Value, Draft.Kind, Draft.LocationIds), ct);
                return Redirect($"/Requests/{drafted.RequestId}");
            }
            catch (RequestValidationException exception)
            {
                ModelState.AddErrors(exception, "Draft", field => field.StartsWith("LocationIds", StringComparison.Ordinal) ? "LocationIds" : field);
            }
            catch (BusinessRuleViolationException exception)
            {
                ModelState.AddError(exception);
            }
        }

        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostStatusAsync(Guid id, CaseStatusChange change, Guid? expectedConcurrencyStamp, CancellationToken ct)
    {
        ModelState.Clear();
        try
        {
            await mediator.Send(new ChangeCaseStatusCommand(id, change, expectedConcurrencyStamp), ct);
            return Redirect($"/Cases/{id}");
        }
        catch (BusinessRuleViolationException exception)
        {
            ModelState.AddError(exception);
        }
        catch (ConcurrencyConflictException exception)
        {
            ModelState.AddError(exception);
        }

        await LoadAsync(id, ct);
        return Page();
    }

    public Task<IActionResult> OnPostAssignAsync(Guid id, string? staffId, Guid? expectedConcurrencyStamp, CancellationToken ct) =>
        RunAsync(id, () => mediator.Send(new AssignCaseCommand(id, staffId ?? string.Empty, expectedConcurrencyStamp), ct).AsTask(), "Assign", ct);

    public Task<IActionResult> OnPostLocationStatusAsync(Guid id, Guid locationId, LocationStatus status, string? reason, CancellationToken ct) =>
        RunAsync(id, () => mediator.Send(new ChangeLocationStatusCommand(id, locationId, status, reason?.Trim() ?? string.Empty), ct).AsTask(), "LocationStatus", ct);

    public Task<IActionResult> OnPostMoveLocationAsync(Guid id, Guid locationId, Guid depictionId, CancellationToken ct) =>
        RunAsync(id, () => mediator.Send(new MoveLocationToDepictionCommand(id, locationId, depictionId), ct).AsTask(), "MoveLocation", ct);

    public Task<IActionResult> OnPostLocationChecksAsync(Guid id, bool on, CancellationToken ct) =>
        RunAsync(id, () => mediator.Send(new SwitchLocationChecksCommand(id, on), ct).AsTask(), "LocationChecks", ct);

    public async Task OnPostAddLocationsAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        try
        {
            PasteResult = await mediator.Send(new AddLocationsCommand(id, Paste.PastedUrls ?? string.Empty, null, null), ct);
            Paste = new PasteForm();
        }
        catch (RequestValidationException exception)
        {
            ModelState.AddErrors(exception, "Paste");
        }
        catch (BusinessRuleViolationException exception)
        {
            ModelState.AddError(exception);
        }

        await LoadAsync(id, ct);
    }

    /// <summary>Runs one command; on failure the page is shown again with the posted form's values and its errors.</summary>
    private async Task<IActionResult> RunAsync<T>(Guid id, Func<Task<T>> send, string prefix, CancellationToken ct)
    {
        try
        {
            await send();
            return Redirect($"/Cases/{id}");
        }
        catch (RequestValidationException exception)
        {
            ModelState.AddErrors(exception, prefix, field => field.StartsWith("Release.", StringComparison.Ordinal) || field.StartsWith("Incident.", StringComparison.Ordinal)
                ? field[(field.IndexOf('.', StringComparison.Ordinal) + 1)..]
                : field);
        }
        catch (BusinessRuleViolationException exception)
        {
            ModelState.AddError(exception);
        }
        catch (ConcurrencyConflictException exception)
        {
            ModelState.AddError(exception);
        }

        await LoadAsync(id, ct);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        if (Release.SignedAt == default)
        {
            var now = StaffTime.For(User).Local(clock.GetUtcNow().UtcDateTime);
            var today = now.Date;
            Release.SignedAt = today;
            Release.ExpiresAt = today.AddDays(180);
            Release.Disclosable = [DisclosableDetails.LegalName, DisclosableDetails.Email, DisclosableDetails.Signature];
            Incident.DiscoveredAt = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMinute));
        }

        Case = await mediator.Send(new GetCaseDetailQuery(id, LocationsPage), ct);
        Platforms = await mediator.Send(new ListPlatformsQuery(), ct);
        Staff = await staffAccounts.ListAsync(ct);
    }
}

public sealed class DraftForm
{
    public List<Guid> LocationIds { get; set; } = [];

    public Guid? PlatformId { get; set; }

    /// <summary>Set by a platform group's button: draft for every location on that platform not yet requested.</summary>
    public Guid? AllOnPlatform { get; set; }

    public RequestKind Kind { get; set; } = RequestKind.StatutoryRemoval;
}

public sealed class PasteForm
{
    public string? PastedUrls { get; set; }
}
