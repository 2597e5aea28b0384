using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Search;

namespace TakedownDesk.Web.Pages.Search;

/// <summary>
/// Search results. The text is posted, not put in the address: a URL of the content must not end up in browser history
/// or in a proxy's access log.
/// </summary>
public sealed class SearchModel(ISender mediator) : PageModel
{
    [BindProperty]
    public string? Text { get; set; }

    public IReadOnlyList<SearchHit>? Hits { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            Hits = await mediator.Send(new SearchWorkQuery(Text ?? string.Empty), ct);
        }
        catch (RequestValidationException exception)
        {
            ModelState.AddErrors(exception, string.Empty);
        }

        return Page();
    }

}
