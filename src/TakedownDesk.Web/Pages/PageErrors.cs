using Microsoft.AspNetCore.Mvc.ModelBinding;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Common;

namespace TakedownDesk.Web.Pages;

/// <summary>Puts a use case's errors beside the fields they name, so the form is shown again with everything typed kept.</summary>
public static class PageErrors
{
    public static void AddErrors(this ModelStateDictionary modelState, RequestValidationException exception, string prefix = "Input", Func<string, string>? map = null)
    {
        foreach (var (field, messages) in exception.Errors)
        {
            var name = map?.Invoke(field) ?? field;
            foreach (var message in messages)
            {
                modelState.AddModelError(string.IsNullOrEmpty(prefix) ? name : $"{prefix}.{name}", message);
            }
        }
    }

    public static void AddError(this ModelStateDictionary modelState, BusinessRuleViolationException exception) =>
        modelState.AddModelError(string.Empty, exception.Message);

    public static void AddError(this ModelStateDictionary modelState, ConcurrencyConflictException exception) =>
        modelState.AddModelError(string.Empty, exception.Message);
}
