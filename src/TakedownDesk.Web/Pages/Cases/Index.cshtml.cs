using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Cases;
using TakedownDesk.Domain.Cases;

namespace TakedownDesk.Web.Pages.Cases;

public sealed class CasesIndexModel(ISender mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public CaseStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public Paged<CaseSummary> Result { get; private set; } = new([], 1, 50, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        try
        {
            Result = await mediator.Send(new ListCasesQuery(Search, Status, null, null, Math.Max(1, PageNumber), 50), ct);
        }
        catch (RequestValidationException exception)
        {
            ModelState.AddErrors(exception, string.Empty);
        }
    }
}
