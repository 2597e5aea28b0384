using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TakedownDesk.Application.Features.Platforms;

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
        // Every error of the file belongs beside the one text box that holds it.
        Result = (await this.TrySendAsync(() => mediator.Send(new ImportPlatformsCommand(ImportJson ?? string.Empty), ct), string.Empty, _ => nameof(ImportJson))).Result;
    }
}
