using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Cases;
using TakedownDesk.Application.Features.Platforms;
using TakedownDesk.Domain.Cases;

namespace TakedownDesk.Web.Pages.Cases;

public sealed class CasesIndexModel(ISender mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public CaseStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? PlatformId { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Mine { get; set; }

    public IReadOnlyList<PlatformListItem> Platforms { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public Paged<CaseSummary> Result { get; private set; } = new([], 1, 50, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Platforms = await mediator.Send(new ListPlatformsQuery(), ct);
        try
        {
            var mine = Mine ? User.FindFirstValue(ClaimTypes.NameIdentifier) : null;
            Result = await mediator.Send(new ListCasesQuery(Search, Status, mine, PlatformId, Math.Max(1, PageNumber), 50), ct);
        }
        catch (RequestValidationException exception)
        {
            ModelState.AddErrors(exception, string.Empty);
        }
    }
}
