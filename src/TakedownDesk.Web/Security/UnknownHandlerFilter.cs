using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace TakedownDesk.Web.Security;

/// <summary>
/// A request for a handler the page does not have would otherwise run another handler or render the page without one
/// (200, or 500 where the page needs its OnGet's data): it asks for something that does not exist.
/// </summary>
public sealed class UnknownHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        var asked = context.RouteData.Values["handler"]?.ToString() ?? request.Query["handler"].ToString();
        var unknownName = !string.IsNullOrEmpty(asked) && !string.Equals(context.HandlerMethod?.Name, asked, StringComparison.OrdinalIgnoreCase);
        var noHandler = context.HandlerMethod is null && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method);
        if (unknownName || noHandler)
        {
            context.Result = new NotFoundResult();
            return;
        }

        await next();
    }
}
