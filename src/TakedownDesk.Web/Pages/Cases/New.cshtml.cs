using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TakedownDesk.Application.Features.Cases;
using TakedownDesk.Application.Features.Incidents;
using TakedownDesk.Application.Features.Platforms;
using TakedownDesk.Application.Features.Victims;
using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Victims;

namespace TakedownDesk.Web.Pages.Cases;

/// <summary>A case in one form: the person, the release, the first incident and the pasted URLs; then what was accepted and rejected.</summary>
public sealed class NewCaseModel(ISender mediator, TimeProvider clock) : PageModel
{
    [BindProperty]
    public NewCaseInput Input { get; set; } = new();

    /// <summary>The directory, for a release limited to named platforms.</summary>
    public IReadOnlyList<PlatformListItem> Platforms { get; private set; } = [];

    public OpenCaseResult? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Platforms = await mediator.Send(new ListPlatformsQuery(), ct);
        var time = StaffTime.For(User);
        var today = time.Local(clock.GetUtcNow().UtcDateTime);
        Input.Release.SignedAt = today.Date;
        Input.Release.ExpiresAt = today.Date.AddDays(180);
        Input.Release.Disclosable = [DisclosableDetails.LegalName, DisclosableDetails.Email, DisclosableDetails.Signature];
        Input.Incident.DiscoveredAt = today.AddSeconds(-today.Second).AddMilliseconds(-today.Millisecond);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var time = StaffTime.For(User);
        var command = new OpenCaseCommand(
            Input.Pseudonym?.Trim() ?? string.Empty,
            Blank(Input.LegalName),
            Input.DateOfBirth is { } dob ? DateOnly.FromDateTime(dob) : null,
            Blank(Input.PreferredLanguage),
            Blank(Input.Notes),
            Input.MayHaveBeenMinorWhenDepicted,
            Blank(Input.ContactEmail) is { } email ? [new ContactChannelInput(ContactChannelKind.Email, email, true, null)] : [],
            Input.Release.ToInput(time),
            Input.Incident.ToInput(time),
            Input.PastedUrls,
            null);
        Result = (await this.TrySendAsync(
            () => mediator.Send(command, ct),
            "Input",
            field => field.StartsWith("ContactChannels", StringComparison.Ordinal) ? nameof(NewCaseInput.ContactEmail) : field)).Result;
        Platforms = Result is null ? await mediator.Send(new ListPlatformsQuery(), ct) : [];
        return Page();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed class NewCaseInput
{
    public string? Pseudonym { get; set; }

    public string? LegalName { get; set; }

    public DateTime? DateOfBirth { get; set; }

    public string? PreferredLanguage { get; set; }

    public string? ContactEmail { get; set; }

    public string? Notes { get; set; }

    public bool MayHaveBeenMinorWhenDepicted { get; set; }

    public ReleaseForm Release { get; set; } = new();

    public IncidentForm Incident { get; set; } = new();

    public string? PastedUrls { get; set; }
}

public sealed class ReleaseForm
{
    public string? SignedBy { get; set; }

    public SignerCapacity Capacity { get; set; }

    public SignatureMethod Method { get; set; } = SignatureMethod.Electronic;

    public DateTime SignedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public bool AllPlatforms { get; set; } = true;

    public List<Guid> PlatformIds { get; set; } = [];

    public List<DisclosableDetails> Disclosable { get; set; } = [];

    /// <summary>The platforms ticked count only when the release is limited to them.</summary>
    public ReleaseInput ToInput(StaffTime time) => new(
        SignedBy?.Trim() ?? string.Empty,
        Capacity,
        Method,
        time.ToInstant(SignedAt),
        time.ToInstant(ExpiresAt),
        AllPlatforms,
        AllPlatforms ? [] : PlatformIds,
        Disclosable.Aggregate(DisclosableDetails.None, (all, one) => all | one));
}

public sealed class IncidentForm
{
    public IncidentKind Kind { get; set; } = IncidentKind.DigitalForgery;

    public DateTime DiscoveredAt { get; set; }

    public string? Description { get; set; }

    /// <summary>Read only when <see cref="Kind"/> is a person-specific model.</summary>
    public ModelForm Model { get; set; } = new();

    public IncidentInput ToInput(StaffTime time) =>
        new(Kind, time.ToInstant(DiscoveredAt), Description, Kind == IncidentKind.PersonSpecificModel ? Model.ToInput() : null);
}

public sealed class ModelForm
{
    public string? ModelPageUrl { get; set; }

    public string? ModelName { get; set; }

    /// <summary>Comma-separated, as staff copy them from the model page.</summary>
    public string? TriggerWords { get; set; }

    public string? LikenessReason { get; set; }

    public ModelInput ToInput() =>
        new(ModelPageUrl?.Trim(), ModelName, (TriggerWords ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), LikenessReason);
}
