using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TakedownDesk.Application.Features.Platforms;

namespace TakedownDesk.Web.Pages.Platforms;

/// <summary>One directory entry in words, for every staff member; administrators get the edit form from here.</summary>
public sealed class PlatformDetailModel(ISender mediator) : PageModel
{
    public PlatformView? View { get; private set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct) => View = await mediator.Send(new GetPlatformQuery(id), ct);
}
