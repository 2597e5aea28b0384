using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Common;

namespace TakedownDesk.Web.Pages;

/// <summary>What a page's command gave back; <see cref="Sent"/> is false when its errors went into model state instead.</summary>
public readonly record struct PageSend<T>(bool Sent, T? Result);

/// <summary>
/// The one way a page sends a command: a broken rule, a validation error or a concurrency conflict becomes model state
/// (beside the field it names, under the posted form's prefix), so the page is shown again instead of failing.
/// </summary>
public static class PageCommands
{
    public static Task<PageSend<T>> TrySendAsync<T>(this PageModel page, Func<ValueTask<T>> send, string prefix = "", Func<string, string>? map = null) =>
        page.ModelState.TrySendAsync(send, prefix, map);

    public static async Task<PageSend<T>> TrySendAsync<T>(this ModelStateDictionary errors, Func<ValueTask<T>> send, string prefix = "", Func<string, string>? map = null)
    {
        try
        {
            return new PageSend<T>(true, await send());
        }
        catch (RequestValidationException exception)
        {
            errors.AddErrors(exception, prefix, map);
        }
        catch (BusinessRuleViolationException exception)
        {
            errors.AddError(exception);
        }
        catch (ConcurrencyConflictException exception)
        {
            errors.AddError(exception);
        }

        return new PageSend<T>(false, default);
    }
}
