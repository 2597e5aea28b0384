using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TakedownDesk.Web.Api.Contract;

/// <summary>
/// What every operation of the API shares, said once in the OpenAPI document: the errors it can answer (each a
/// problem document), the bearer token it needs and the <c>Idempotency-Key</c> header its writes accept.
/// </summary>
public static class ApiContract
{
    public const string BearerScheme = "Bearer";

    /// <summary>The refusals any operation can give: the exception handler, the authentication and rate limits, the key middleware.</summary>
    public static RouteGroupBuilder WithProblemResponses(this RouteGroupBuilder api) =>
        api.ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status500InternalServerError);

    public static void Describe(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "A personal access token made on the staff profile page: Authorization: Bearer TOKEN.",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];
            if (context.Description.HttpMethod is "POST" or "PUT" or "PATCH")
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = "Idempotency-Key",
                    In = ParameterLocation.Header,
                    Required = false,
                    Description = "Any unique string (at most 200 characters): a retry with the same key and body within 24 hours gets the first answer again instead of acting twice.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
                });
            }

            return Task.CompletedTask;
        });
    }
}
