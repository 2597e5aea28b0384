using System.Text.RegularExpressions;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Audit;
using TakedownDesk.Application.Features.Retention;
using TakedownDesk.Application.Features.Victims;
using TakedownDesk.Domain.Victims;

namespace TakedownDesk.Web.Pages.Supervision;

/// <summary>
/// A supervisor's view of one case's custody (the /Supervision folder requires the role): the legal hold, who opened or
/// changed the case, and the victim's erasure, which takes every case of theirs and is confirmed by typing the reference.
/// </summary>
public sealed partial class CaseCustodyModel(ISender mediator, IStaffAccounts staffAccounts) : PageModel
{
    public CaseCustody? Custody { get; private set; }

    public IReadOnlyList<AccessLine> History { get; private set; } = [];

    public IReadOnlyDictionary<string, string> StaffNames { get; private set; } = new Dictionary<string, string>();

    public ErasureResult? Erased { get; private set; }

    [BindProperty]
    public string? TypedReference { get; set; }

    [TempData]
    public string? Saved { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct);

    public async Task<IActionResult> OnPostHoldAsync(Guid id, bool onHold, CancellationToken ct)
    {
        await mediator.Send(new SetLegalHoldCommand(id, onHold), ct);
        Saved = onHold
            ? "The case is on legal hold: retention will not erase this victim, and neither can anyone else until the hold is lifted."
            : "The legal hold is lifted.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostEraseAsync(Guid id, CancellationToken ct)
    {
        var custody = await mediator.Send(new GetCaseCustodyQuery(id), ct);
        if (!string.Equals(TypedReference?.Trim(), custody.Reference, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(nameof(TypedReference), $"Type the case reference {custody.Reference} to confirm the erasure. Nothing was erased.");
            await LoadAsync(id, ct);
            return Page();
        }

        var erased = await this.TrySendAsync(() => mediator.Send(new EraseVictimCommand(id, ErasureReason.VictimRequest), ct));
        Erased = erased.Result;
        if (!erased.Sent)
        {
            await LoadAsync(id, ct);
        }

        return Page();
    }

    /// <summary>"GetCaseDetailQuery" → "Get case detail": the audit keeps use-case names, people read words.</summary>
    public static string Describe(string action) =>
        UseCaseWord().Replace(UseCaseSuffix().Replace(action, string.Empty), " $1").ToLowerInvariant() switch
        {
            var words when words.Length > 0 => char.ToUpperInvariant(words[0]) + words[1..],
            _ => action,
        };

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Custody = await mediator.Send(new GetCaseCustodyQuery(id), ct);
        History = (await mediator.Send(new GetCaseAccessHistoryQuery(id), ct)).OrderByDescending(line => line.Id).ToList();
        StaffNames = (await staffAccounts.ListAsync(ct)).ToDictionary(s => s.Id, s => s.DisplayName);
    }

    [GeneratedRegex("(Command|Query)$")]
    private static partial Regex UseCaseSuffix();

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex UseCaseWord();
}
