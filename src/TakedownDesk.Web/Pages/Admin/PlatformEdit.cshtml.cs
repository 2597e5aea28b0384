using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Platforms;
using TakedownDesk.Domain.Common;

namespace TakedownDesk.Web.Pages.Admin;

public sealed class PlatformEditModel(ISender mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public string? EntryJson { get; set; }

    [BindProperty]
    public Guid? ExpectedConcurrencyStamp { get; set; }

    [BindProperty]
    public string? Source { get; set; }

    public async Task<IActionResult> OnPostVerifyAsync(Guid id, CancellationToken ct)
    {
        try
        {
            await mediator.Send(new MarkPlatformVerifiedCommand(id, Source), ct);
            return Redirect("/Platforms");
        }
        catch (RequestValidationException exception)
        {
            ModelState.AddErrors(exception, string.Empty);
        }

        await OnGetAsync(ct);
        return Page();
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var view = await mediator.Send(new GetPlatformQuery(id), ct);
            EntryJson = JsonSerializer.Serialize(view.Entry, PlatformDirectoryFile.Json);
            ExpectedConcurrencyStamp = view.ConcurrencyStamp;
        }
        else
        {
            EntryJson = """{ "slug": "", "name": "", "kind": "platform", "domains": [], "coverage": "unknown", "channels": [], "asksFor": [], "verification": "unverified" }""";
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        PlatformEntry? entry;
        try
        {
            entry = JsonSerializer.Deserialize<PlatformEntry>(EntryJson ?? string.Empty, PlatformDirectoryFile.Json);
        }
        catch (JsonException exception)
        {
            ModelState.AddModelError(nameof(EntryJson), "Not a directory entry: " + exception.Message);
            return Page();
        }

        if (entry is null)
        {
            ModelState.AddModelError(nameof(EntryJson), "Enter a directory entry.");
            return Page();
        }

        try
        {
            var id = await mediator.Send(new SavePlatformCommand(Id, entry.Slug ?? string.Empty, entry, ExpectedConcurrencyStamp), ct);
            return Redirect($"/Admin/Platforms/Edit/{id}");
        }
        catch (RequestValidationException exception)
        {
            foreach (var (field, messages) in exception.Errors)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(nameof(EntryJson), $"{field}: {message}");
                }
            }
        }
        catch (BusinessRuleViolationException exception)
        {
            ModelState.AddError(exception);
        }
        catch (ConcurrencyConflictException exception)
        {
            ModelState.AddError(exception);
        }

        return Page();
    }
}
