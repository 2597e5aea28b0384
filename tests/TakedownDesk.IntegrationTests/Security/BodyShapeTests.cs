using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Incidents;
using TakedownDesk.Application.Features.Requests;
using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Platforms;
using TakedownDesk.Domain.Requests;
using TakedownDesk.IntegrationTests.Api;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Security;

/// <summary>
/// Every API operation with a JSON body, read from the host's OpenAPI document (so a new endpoint is covered without
/// a word here), gets bodies of the wrong shape: null for each property, <c>[null]</c> for each array, <c>{}</c> for
/// each object, and a value of the wrong JSON type. None may answer 5xx and every refusal is a 4xx problem document;
/// <c>[null]</c> and a wrong type are always refused, naming the field (null and <c>{}</c> can be valid for optional fields).
/// Each refusal's status is one the document lists for that operation, and its problem document carries that status.
/// </summary>
public sealed class BodyShapeTests
{
    private const int MaxDepth = 3;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Writes that change the record's state go last, so the others still reach their handlers on live records.</summary>
    private static readonly string[] StateChangingSuffixes = ["/status", "/submission", "/email", "/dispute", "/revocation", "/role", "/outcomes", "/acknowledgment"];

    [Fact]
    public async Task Every_json_body_of_the_wrong_shape_is_a_4xx_problem_naming_the_field_never_a_5xx()
    {
        await using var app = new WebTestApp();
        var now = app.Time.GetUtcNow();
        var admin = await app.CreateUserAsync(StaffRoles.Administrator);
        var other = await app.CreateUserAsync(StaffRoles.Caseworker);
        var (api, _) = await app.TokenClientAsync(admin);
        var opened = await ApiFlows.OpenCaseAsync(api, now);
        var location = opened.Locations.Accepted.First(a => a.PlatformId is not null);
        var drafted = await WebTestApp.ReadAsync<DraftedRequest>(await api.PostAsync(
            "/api/v1/requests", WebTestApp.Body(new DraftRemovalRequestCommand(opened.CaseId, location.PlatformId!.Value, RequestKind.StatutoryRemoval, [location.LocationId])), Ct));
        var platform = await api.GetFromJsonAsync<JsonElement>($"/api/v1/platforms/{location.PlatformId}", Ct);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["caseId"] = opened.CaseId.ToString(),
            ["requestId"] = drafted.RequestId.ToString(),
            ["releaseId"] = opened.ReleaseId.ToString(),
            ["locationId"] = location.LocationId.ToString(),
            ["platformId"] = location.PlatformId.Value.ToString(),
            ["staffId"] = other.Id,
        };

        // Valid bodies where the suite has one, so each wrong shape is the only thing wrong; any other operation gets one built from its schema.
        var samples = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["POST /api/v1/cases"] = Samples.OpenCase(now, "https://x.com/shape/status/1"),
            ["POST /api/v1/cases/{caseId}/status"] = new { change = "Close" },
            ["POST /api/v1/cases/{caseId}/assignment"] = new { staffId = other.Id },
            ["POST /api/v1/cases/{caseId}/releases"] = Samples.ReleaseForAllPlatforms(now),
            ["POST /api/v1/cases/{caseId}/releases/{releaseId}/revocation"] = new { reason = "withdrawn" },
            ["POST /api/v1/cases/{caseId}/incidents"] = new IncidentInput(IncidentKind.DigitalForgery, now.AddDays(-1), "reposted"),
            ["POST /api/v1/cases/{caseId}/locations"] = new { pastedUrls = "https://x.com/a/status/9" },
            ["POST /api/v1/cases/{caseId}/locations/{locationId}/status"] = new { status = LocationStatus.Removed, reason = "checked" },
            ["POST /api/v1/cases/{caseId}/location-checks"] = new { on = true },
            ["POST /api/v1/requests"] = new DraftRemovalRequestCommand(opened.CaseId, location.PlatformId.Value, RequestKind.StatutoryRemoval, [location.LocationId]),
            ["POST /api/v1/requests/{requestId}/elements"] = new
            {
                signature = Samples.Signature(now),
                goodFaithStatement = "I believe in good faith.",
                supportingFacts = "Facts.",
                contact = Samples.Contact(),
            },
            ["POST /api/v1/requests/{requestId}/submission"] = new { channel = ChannelKind.WebForm, channelTarget = "https://help.x.com/forms/take-it-down", whyDesignated = "The published form" },
            ["POST /api/v1/requests/{requestId}/acknowledgment"] = new { platformRequestNumber = "P-1", acknowledgedAt = now },
            ["POST /api/v1/requests/{requestId}/outcomes"] = new { locationId = location.LocationId, outcome = LocationOutcome.Removed, at = now },
            ["POST /api/v1/requests/{requestId}/dispute"] = new { reason = "not theirs" },
            ["POST /api/v1/requests/{requestId}/email"] = new { to = "takeitdown@x.example" },
            ["POST /api/v1/requests/{requestId}/ftc-report/filing"] = new { ftcReferenceNumber = "FTC-1", filedAt = now },
            ["POST /api/v1/platforms"] = new { entry = NewSlug(platform.GetProperty("entry")) },
            ["PUT /api/v1/platforms/{platformId}"] = new { entry = platform.GetProperty("entry"), expectedConcurrencyStamp = platform.GetProperty("concurrencyStamp") },
            ["POST /api/v1/platforms/import"] = new[] { platform.GetProperty("entry") },
        };

        var document = await api.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);
        var operations = Operations(document).OrderBy(o => StateChangingSuffixes.Any(s => o.Path.EndsWith(s, StringComparison.Ordinal))).ToList();
        Assert.Contains(operations, o => o.Key == "POST /api/v1/cases");
        Assert.Contains(operations, o => o.Key == "PUT /api/v1/platforms/{platformId}");

        var failures = new List<string>();
        var sent = 0;
        foreach (var operation in operations)
        {
            var schemas = new Schemas(document);
            var body = samples.TryGetValue(operation.Key, out var sample)
                ? JsonSerializer.SerializeToNode(sample, WebTestApp.Json)!
                : schemas.Skeleton(operation.Schema, 0, now) ?? new JsonObject();
            var path = Fill(operation.Path, ids);
            foreach (var (what, field, mutated, mustRefuse) in Mutations(body, operation.Schema, schemas))
            {
                using var request = new HttpRequestMessage(new HttpMethod(operation.Method), path)
                {
                    Content = new StringContent(mutated?.ToJsonString() ?? "null", Encoding.UTF8, "application/json"),
                };
                var response = await api.SendAsync(request, Ct);
                sent++;
                var status = (int)response.StatusCode;
                var text = await response.Content.ReadAsStringAsync(Ct);
                var label = $"{operation.Key} {what}";
                if (status >= 500)
                {
                    failures.Add($"{label}: {status}");
                }
                else if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{label}: {status} without a problem document");
                }
                else if (status >= 400 && !operation.DocumentsProblem(status))
                {
                    failures.Add($"{label}: {status} is not in the operation's documented responses");
                }
                else if (status >= 400 && JsonNode.Parse(text)?["status"]?.GetValue<int>() != status)
                {
                    failures.Add($"{label}: the problem document's status is not {status}");
                }
                else if (status < 400 && mustRefuse)
                {
                    failures.Add($"{label}: accepted ({status})");
                }
                else if (status == 400 && field is not null && !text.Contains(field, StringComparison.OrdinalIgnoreCase))
                {
                    failures.Add($"{label}: 400 does not name '{field}': {text[..Math.Min(300, text.Length)]}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} bodies:\n" + string.Join('\n', failures));
        Assert.True(sent > 200, $"only {sent} bodies were sent");
    }

    /// <summary>The body's wrong shapes, one at a time: what was done, the field a refusal must name, the body, and whether it must be refused.</summary>
    private static IEnumerable<(string What, string? Field, JsonNode? Body, bool MustRefuse)> Mutations(JsonNode body, JsonElement schema, Schemas schemas)
    {
        yield return ("body null", null, null, true);
        yield return ("body of the wrong type", null, body is JsonArray ? new JsonObject() : new JsonArray(), true);
        if (body is JsonArray)
        {
            yield return ("body [null]", null, new JsonArray((JsonNode?)null), true);
        }

        foreach (var mutation in Inside(body, schema, schemas, [], 0))
        {
            yield return mutation;
        }
    }

    private static IEnumerable<(string, string?, JsonNode?, bool)> Inside(JsonNode root, JsonElement schema, Schemas schemas, IReadOnlyList<object> at, int depth)
    {
        if (depth >= MaxDepth)
        {
            yield break;
        }

        var node = Navigate(root, at);
        var resolved = schemas.Resolve(schema);
        if (node is JsonArray array)
        {
            if (array.Count > 0 && resolved.TryGetProperty("items", out var items))
            {
                foreach (var m in Inside(root, items, schemas, [.. at, 0], depth + 1))
                {
                    yield return m;
                }
            }

            yield break;
        }

        if (node is not JsonObject obj || !resolved.TryGetProperty("properties", out var properties))
        {
            yield break;
        }

        foreach (var property in properties.EnumerateObject().Where(p => !(p.Value.TryGetProperty("readOnly", out var readOnly) && readOnly.GetBoolean())))
        {
            var name = obj.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, property.Name, StringComparison.OrdinalIgnoreCase)) ?? property.Name;
            var label = string.Join('.', at.Append(name));
            var kind = schemas.KindOf(property.Value);
            var present = obj.TryGetPropertyValue(name, out var current) && current is not null;
            yield return ($"{label}: null", null, With(root, at, name, null), false);
            if (kind == "array")
            {
                yield return ($"{label}: [null]", name, With(root, at, name, new JsonArray((JsonNode?)null)), true);
            }

            if (kind == "object")
            {
                yield return ($"{label}: {{}}", null, With(root, at, name, new JsonObject()), false);
            }

            var wrong = (current is JsonValue value && value.GetValueKind() == JsonValueKind.String) || (!present && kind == "string")
                ? JsonValue.Create(12345)
                : JsonValue.Create("wrong-type");
            yield return ($"{label}: wrong type", name, With(root, at, name, wrong), true);

            if (present && kind is "object" or "array")
            {
                foreach (var m in Inside(root, property.Value, schemas, [.. at, name], depth + 1))
                {
                    yield return m;
                }
            }
        }
    }

    /// <summary>A copy of a directory entry that a new platform could have (slugs are unique).</summary>
    private static JsonNode NewSlug(JsonElement entry)
    {
        var copy = JsonNode.Parse(entry.GetRawText())!;
        copy["slug"] = "shape-test";
        return copy;
    }

    private static JsonNode With(JsonNode root, IReadOnlyList<object> at, string name, JsonNode? value)
    {
        var copy = root.DeepClone();
        ((JsonObject)Navigate(copy, at)!)[name] = value;
        return copy;
    }

    private static JsonNode? Navigate(JsonNode root, IReadOnlyList<object> at)
    {
        var node = (JsonNode?)root;
        foreach (var step in at)
        {
            node = step is int index ? node?.AsArray()[index] : node?.AsObject()[(string)step];
        }

        return node;
    }

    private static string Fill(string path, Dictionary<string, string> ids) =>
        System.Text.RegularExpressions.Regex.Replace(path, "{(?<name>[^}]+)}", m => ids.TryGetValue(m.Groups["name"].Value, out var id) ? id : Guid.NewGuid().ToString());

    private static IEnumerable<Operation> Operations(JsonElement document)
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject().Where(m => m.Name is "post" or "put" or "patch"))
            {
                if (method.Value.TryGetProperty("requestBody", out var requestBody)
                    && requestBody.GetProperty("content").TryGetProperty("application/json", out var json)
                    && json.TryGetProperty("schema", out var schema))
                {
                    yield return new Operation(method.Name.ToUpperInvariant(), path.Name, schema, method.Value);
                }
            }
        }
    }

    private sealed record Operation(string Method, string Path, JsonElement Schema, JsonElement Description)
    {
        public string Key => $"{Method} {Path}";

        /// <summary>The document promises this refusal for this operation, as a problem document.</summary>
        public bool DocumentsProblem(int status) =>
            Description.TryGetProperty("responses", out var responses)
            && responses.TryGetProperty(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var response)
            && response.TryGetProperty("content", out var content)
            && content.TryGetProperty("application/problem+json", out _);
    }

    /// <summary>Just enough of OpenAPI 3.1 schemas: references, nullable unions, and a plausible value for each type.</summary>
    private sealed class Schemas(JsonElement document)
    {
        public JsonElement Resolve(JsonElement schema)
        {
            if (schema.TryGetProperty("$ref", out var reference))
            {
                var name = reference.GetString()!.Split('/')[^1];
                return Resolve(document.GetProperty("components").GetProperty("schemas").GetProperty(name));
            }

            foreach (var union in new[] { "oneOf", "anyOf", "allOf" })
            {
                if (schema.TryGetProperty(union, out var options))
                {
                    var chosen = options.EnumerateArray().FirstOrDefault(o => KindOf(o) != "null");
                    if (chosen.ValueKind == JsonValueKind.Object)
                    {
                        return Resolve(chosen);
                    }
                }
            }

            return schema;
        }

        public string KindOf(JsonElement schema)
        {
            var resolved = schema.TryGetProperty("$ref", out _) || schema.TryGetProperty("oneOf", out _) || schema.TryGetProperty("anyOf", out _) || schema.TryGetProperty("allOf", out _)
                ? Resolve(schema)
                : schema;
            if (resolved.TryGetProperty("type", out var type))
            {
                var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!];
                return types.FirstOrDefault(t => t != "null") ?? "null";
            }

            return resolved.TryGetProperty("properties", out _) ? "object" : "unknown";
        }

        public JsonNode? Skeleton(JsonElement schema, int depth, DateTimeOffset now)
        {
            var resolved = Resolve(schema);
            if (resolved.TryGetProperty("enum", out var values))
            {
                return JsonValue.Create(values.EnumerateArray().First(v => v.ValueKind != JsonValueKind.Null).ToString());
            }

            var format = resolved.TryGetProperty("format", out var f) ? f.GetString() : null;
            return KindOf(resolved) switch
            {
                "string" when format == "date-time" => JsonValue.Create(now),
                "string" when format == "uuid" => JsonValue.Create(Guid.NewGuid()),
                "string" when format == "date" => JsonValue.Create("2000-01-01"),
                "string" => JsonValue.Create("sample"),
                "integer" or "number" => JsonValue.Create(1),
                "boolean" => JsonValue.Create(false),
                "array" => new JsonArray(),
                "object" when depth < MaxDepth && resolved.TryGetProperty("properties", out var properties) =>
                    new JsonObject(properties.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, Skeleton(p.Value, depth + 1, now)))),
                _ => null,
            };
        }
    }
}
