using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Documents;
using TakedownDesk.Domain.Common;
using TakedownDesk.Web.Api.Contract;

namespace TakedownDesk.Web.Api;

/// <summary>The one place that turns a use case's exceptions into RFC 7807 problem details.</summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            RequestValidationException validation => new ValidationProblemDetails(validation.Errors.ToDictionary(e => e.Key, e => e.Value))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "One or more fields are invalid.",
            },
            BusinessRuleViolationException { IsStateConflict: true } rule => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "The record's current state does not allow this.",
                Detail = rule.Message,
                Extensions = { ["rule"] = rule.RuleName },
            },
            BusinessRuleViolationException rule => new ProblemDetails
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "The request breaks a business rule.",
                Detail = rule.Message,
                Extensions = { ["rule"] = rule.RuleName },
            },
            NotFoundException => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found." },
            ConcurrencyConflictException or DbUpdateConcurrencyException => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "The record was changed by someone else.",
                Detail = new ConcurrencyConflictException().Message,
            },
            BadHttpRequestException { InnerException: JsonException json } => NotValidJson(json),
            JsonException json => NotValidJson(json),
            PrinterBusyException busy => new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Your documents are still printing.",
                Detail = busy.Message,
            },
            DocumentPrintException print => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The PDF could not be printed.",
                Detail = print.Message + " Nothing was recorded; try again, and if it keeps failing tell an administrator.",
            },
            BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = "Bad request.", Detail = bad.Message },
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        if (exception is PrinterBusyException)
        {
            httpContext.Response.Headers.RetryAfter = PrinterBusyException.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (!Security.SessionLifetime.IsApi(httpContext.Request))
        {
            // Pages get the status page (re-executed by the status-code middleware), not JSON.
            return true;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>Names the field by its JSON path (e.g. <c>$.contactChannels[0].kind</c>), never its value.</summary>
    private static ProblemDetails NotValidJson(JsonException json)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request body is not valid JSON for this endpoint.",
        };
        if (json.Path is { Length: > 0 } fullPath)
        {
            // Property names come from the caller: a problem must not echo an unbounded input.
            var path = fullPath.Length > 200 ? fullPath[..200] + "…" : fullPath;
            problem.Detail = $"The value at {path} is not of the expected type." + (json is ApiJson.NotANameException names ? " " + names.Expected : string.Empty);
            problem.Extensions["field"] = path;
        }

        return problem;
    }
}
