using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace TakedownDesk.IntegrationTests.Support;

/// <summary>
/// Checks answers the API gave against its own OpenAPI document: the route, method and status are documented, the
/// media type is one the operation names, and a JSON body validates against the documented schema (JSON Schema
/// 2020-12, which OpenAPI 3.1 uses). Every test that drives the API through <see cref="WebTestApp"/> is checked so.
/// </summary>
public sealed partial class ApiContractCheck
{
    private static int schemaCount;

    private readonly JsonObject paths;
    private readonly JsonNode components;
    private readonly ConcurrentDictionary<string, JsonSchema> schemas = new(StringComparer.Ordinal);

    public ApiContractCheck(string openApiDocument)
    {
        var document = JsonNode.Parse(openApiDocument)!.AsObject();
        paths = document["paths"]!.AsObject();
        components = document["components"]!;
    }

    /// <summary>What in the observation disagrees with the document; empty when it agrees.</summary>
    public IEnumerable<string> Disagreements(ApiResponseObservation observation)
    {
        var path = DocumentPath(observation.RouteTemplate);
        var where = $"{observation.Method} {path} {observation.Status}";
        if (paths[path] is not JsonObject pathItem)
        {
            yield return $"{where}: the path is not in the document";
            yield break;
        }

        if (pathItem[observation.Method.ToLowerInvariant()] is not JsonObject operation)
        {
            yield return $"{where}: the method is not documented on the path";
            yield break;
        }

        if (operation["responses"]?[observation.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)] is not JsonObject response)
        {
            yield return $"{where}: the status is not documented";
            yield break;
        }

        var content = response["content"] as JsonObject;
        if (observation.Body.Length == 0)
        {
            if (content is { Count: > 0 })
            {
                yield return $"{where}: the body is empty but the document promises {string.Join(", ", content.Select(c => c.Key))}";
            }

            yield break;
        }

        if (observation.MediaType is null || content?[observation.MediaType] is not JsonObject media)
        {
            yield return $"{where}: answered {observation.MediaType ?? "no media type"}, documented {string.Join(", ", content?.Select(c => c.Key) ?? [])}";
            yield break;
        }

        if (!observation.MediaType.EndsWith("json", StringComparison.Ordinal) || media["schema"] is not JsonObject schema)
        {
            yield break;
        }

        var key = $"{observation.Method} {path} {observation.Status} {observation.MediaType}";
        var results = schemas.GetOrAdd(key, _ => Compile(schema)).Evaluate(
            JsonDocument.Parse(observation.Body).RootElement,
            new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            yield break;
        }

        foreach (var detail in results.Details ?? [])
        {
            foreach (var error in detail.Errors ?? new Dictionary<string, string>())
            {
                yield return $"{where}: at '{detail.InstanceLocation}' ({detail.EvaluationPath}) {error.Key}: {error.Value}";
            }
        }
    }

    /// <summary>"/api/v1/cases/{caseId:guid}" as the document names it: "/api/v1/cases/{caseId}" (a group's "/" route has no trailing slash).</summary>
    public static string DocumentPath(string routeTemplate)
    {
        var path = "/" + RouteConstraint().Replace(routeTemplate, "{$1}").Trim('/');
        return path;
    }

    /// <summary>The operation's schema inside a copy of the components, so its <c>#/components/…</c> references resolve.</summary>
    private JsonSchema Compile(JsonObject schema)
    {
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["components"] = components.DeepClone(),
            ["allOf"] = new JsonArray(schema.DeepClone()),
        };
        var id = Interlocked.Increment(ref schemaCount);
        return JsonSchema.Build(JsonSerializer.SerializeToElement(root), new BuildOptions(), new Uri($"urn:takedowndesk:openapi:{id}"));
    }

    [GeneratedRegex(@"\{\*?([A-Za-z0-9_]+)(?::[^}]*)?\??\}")]
    private static partial Regex RouteConstraint();
}
