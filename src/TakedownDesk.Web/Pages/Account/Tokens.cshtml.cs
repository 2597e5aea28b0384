using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Staff;
using TakedownDesk.Domain.Common;

namespace TakedownDesk.Web.Pages.Account;

public sealed class TokensModel(ISender mediator) : PageModel
{
    [BindProperty]
    public string Name { get; set; } = string.Empty;

    [BindProperty]
    public int ValidForDays { get; set; } = 90;

    public CreatedAccessToken? Created { get; private set; }

    public IReadOnlyList<AccessTokenView> Tokens { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Tokens = await mediator.Send(new ListAccessTokensQuery(), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            Created = await mediator.Send(new CreateAccessTokenCommand(Name, ValidForDays), ct);
        }
        catch (RequestValidationException exception)
        {
            ModelState.AddErrors(exception, string.Empty);
        }
        catch (BusinessRuleViolationException exception)
        {
            ModelState.AddError(exception);
        }

        Tokens = await mediator.Send(new ListAccessTokensQuery(), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        await mediator.Send(new RevokeAccessTokenCommand(id), ct);
        return RedirectToPage();
    }
}
