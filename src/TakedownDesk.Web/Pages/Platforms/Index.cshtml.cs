using System.Text;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TakedownDesk.Application.Features.Platforms;

namespace TakedownDesk.Web.Pages.Platforms;

/// <summary>Everyone reads the directory and its record; administrators verify, import and edit.</summary>
public sealed class PlatformsIndexModel(ISender mediator) : PageModel
{
    public IReadOnlyList<PlatformListItem> Platforms { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Platforms = await mediator.Send(new ListPlatformsQuery(), ct);

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) =>
        File(Encoding.UTF8.GetBytes(await mediator.Send(new ExportPlatformsQuery(), ct)), "application/json", "platforms.json");
}
