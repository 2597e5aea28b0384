using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TakedownDesk.Web.Pages;

/// <summary>Shown for errors on pages. "Not found" also covers records the staff member may not see.</summary>
[AllowAnonymous]
public sealed class StatusModel : PageModel
{
    public string Title { get; private set; } = "Something went wrong";

    public string Explanation { get; private set; } = string.Empty;

    public void OnGet(int code)
    {
        (Title, Explanation) = code switch
        {
            404 => ("Not found", "There is no such record, or it is not assigned to you."),
            409 => ("Changed by someone else", "Reload the page and try again."),
            403 => ("Not allowed", "Your role does not allow this."),
            400 => ("That did not work", "The request was not understood. Go back and check the form."),
            429 => ("Still working on your earlier documents", "You have several documents printing already. Wait a few seconds, then try again."),
            503 => ("The document could not be printed", "Nothing was recorded. Try again; if it keeps failing, tell an administrator."),
            _ => ("Something went wrong", "Try again. If it keeps happening, tell an administrator."),
        };
    }
}
