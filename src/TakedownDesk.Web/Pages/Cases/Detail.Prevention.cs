using Microsoft.AspNetCore.Mvc;
using TakedownDesk.Application.Features.Prevention;
using TakedownDesk.Domain.Prevention;

namespace TakedownDesk.Web.Pages.Cases;

/// <summary>The case page's prevention plan: the victim's public profiles and photo sources, and the guidance to hand over.</summary>
public sealed partial class CaseDetailModel
{
    [BindProperty]
    public PhotoSourceForm PhotoSource { get; set; } = new();

    [BindProperty]
    public HashMatchingForm HashMatching { get; set; } = new();

    public PreventionPlan? Prevention { get; private set; }

    public Task<IActionResult> OnPostHashMatchingAsync(Guid id, CancellationToken ct)
    {
        var form = HashMatching;
        var givenAt = form.ConsentGivenAt is { } local ? StaffTime.For(User).ToInstant(local) : default;
        return RunAsync(
            id,
            () => mediator.Send(new RecordHashMatchingCaseCommand(id, form.Service, form.CaseNumber?.Trim() ?? string.Empty, form.ConsentGivenBy?.Trim() ?? string.Empty, givenAt, form.ConsentMethod), ct),
            "HashMatching",
            ct);
    }

    public Task<IActionResult> OnPostPhotoSourceAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, () => mediator.Send(new RecordPhotoSourceCommand(id, PhotoSource.Platform?.Trim() ?? string.Empty, PhotoSource.Url?.Trim() ?? string.Empty), ct), "PhotoSource", ct);

    public Task<IActionResult> OnPostPhotoSourceStatusAsync(Guid id, Guid sourceId, PhotoSourceStatus status, CancellationToken ct)
    {
        ModelState.Clear();
        return RunAsync(id, () => mediator.Send(new ChangePhotoSourceStatusCommand(id, sourceId, status), ct), string.Empty, ct);
    }

    public async Task<IActionResult> OnGetGuidanceAsync(Guid id, string language, CancellationToken ct)
    {
        var guidance = await mediator.Send(new GetExposureGuidanceQuery(id, language), ct);
        return File(guidance.Pdf, "application/pdf", $"photo-guidance-{guidance.Language}.pdf");
    }

    public async Task<IActionResult> OnGetSummaryLetterAsync(Guid id, string language, CancellationToken ct)
    {
        var letter = await mediator.Send(new GetVictimSummaryLetterQuery(id, language), ct);
        return File(letter.Pdf, "application/pdf", $"summary-letter-{letter.Language}.pdf");
    }

    private async Task LoadPreventionAsync(Guid id, CancellationToken ct) => Prevention = await mediator.Send(new GetPreventionPlanQuery(id), ct);
}

public sealed class HashMatchingForm
{
    public HashMatchingService Service { get; set; }

    public string? CaseNumber { get; set; }

    public string? ConsentGivenBy { get; set; }

    /// <summary>In the staff member's zone.</summary>
    public DateTime? ConsentGivenAt { get; set; }

    public ConsentMethod ConsentMethod { get; set; }
}

public sealed class PhotoSourceForm
{
    public string? Platform { get; set; }

    public string? Url { get; set; }
}
