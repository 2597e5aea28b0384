using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Platforms;
using TakedownDesk.Domain.Common;

namespace TakedownDesk.Web.Pages.Admin;

public sealed class PlatformImportModel(ISender mediator) : PageModel
{
    [BindProperty]
    public string? ImportJson { get; set; }

    public ImportPlatformsResult? Result { get; private set; }

    public void OnGet()
    {
    }

    public async Task OnPostAsync(CancellationToken ct)
    {
        try
        {
            Result = await mediator.Send(new ImportPlatformsCommand(ImportJson ?? string.Empty), ct);
        }
        catch (RequestValidationException exception)
        {
            foreach (var message in exception.Errors.SelectMany(e => e.Value))
            {
                ModelState.AddModelError(nameof(ImportJson), message);
            }
        }
        catch (BusinessRuleViolationException exception)
        {
            ModelState.AddError(exception);
        }
    }
}
