using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TakedownDesk.Web.Api.Contract;

/// <summary>
/// What every operation of the API shares, said once in the OpenAPI document: the errors it can answer (each a
/// problem document), the bearer token it needs and the <c>Idempotency-Key</c> header its writes accept; and what
/// the generator cannot see: a set of flags is an array of names, and a nullable field of a body may be left out.
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
            LetNullableBodyFieldsBeOmitted(document);
            return Task.CompletedTask;
        });
        options.AddSchemaTransformer((schema, context, _) =>
        {
            var type = context.JsonTypeInfo.Type;
            var flags = Nullable.GetUnderlyingType(type) ?? type;
            if (ApiJson.IsFlags(flags))
            {
                schema.Type = flags == type ? JsonSchemaType.Array : JsonSchemaType.Array | JsonSchemaType.Null;
                schema.Format = null;
                schema.UniqueItems = true;
                schema.Items = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. ApiJson.FlagNames(flags).Select(name => (JsonNode)name)] };
            }

            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }];

            // A query record's properties are bound case-insensitively: document them camelCase, like every JSON name.
            foreach (var query in (operation.Parameters ?? []).OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Query && p.Name is not null))
            {
                query.Name = JsonNamingPolicy.CamelCase.ConvertName(query.Name!);
            }

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

    /// <summary>
    /// The generator marks every constructor parameter required, but the binder gives a missing nullable one null: in a
    /// schema a request body uses, a field that may be null may also be left out. Answers still carry every field.
    /// </summary>
    private static void LetNullableBodyFieldsBeOmitted(OpenApiDocument document)
    {
        var schemas = document.Components?.Schemas;
        if (schemas is null)
        {
            return;
        }

        var bodies = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<IOpenApiSchema>(document.Paths.Values
            .SelectMany(path => path.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(operation => operation.RequestBody?.Content?.Values ?? [])
            .Select(media => media.Schema)
            .OfType<IOpenApiSchema>());
        while (pending.TryDequeue(out var schema))
        {
            if (schema is OpenApiSchemaReference reference)
            {
                if (reference.Reference.Id is { } id && bodies.Add(id) && schemas.TryGetValue(id, out var target))
                {
                    pending.Enqueue(target);
                }

                continue;
            }

            foreach (var child in Children(schema))
            {
                pending.Enqueue(child);
            }
        }

        foreach (var id in bodies)
        {
            if (schemas[id] is OpenApiSchema { Required: { Count: > 0 } required, Properties: { } properties })
            {
                foreach (var name in required.Where(name => properties.TryGetValue(name, out var property) && AllowsNull(property)).ToList())
                {
                    required.Remove(name);
                }
            }
        }
    }

    private static IEnumerable<IOpenApiSchema> Children(IOpenApiSchema schema) =>
        (schema.Properties?.Values ?? [])
            .Concat(schema.Items is { } items ? [items] : [])
            .Concat(schema.AdditionalProperties is { } additional ? [additional] : [])
            .Concat(schema.OneOf ?? [])
            .Concat(schema.AnyOf ?? [])
            .Concat(schema.AllOf ?? []);

    private static bool AllowsNull(IOpenApiSchema property) =>
        (property.Type is { } type && type.HasFlag(JsonSchemaType.Null))
        || (property.OneOf ?? []).Concat(property.AnyOf ?? []).Any(AllowsNull);
}
