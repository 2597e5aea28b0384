using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TakedownDesk.Application.Common;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Api;

/// <summary>The OpenAPI document says what every operation shares, and the host answers as it says.</summary>
public sealed class ApiContractTests
{
    private static readonly string[] SharedRefusals = ["400", "401", "403", "404", "409", "422", "429", "500"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_operation_documents_its_problem_responses_the_bearer_scheme_and_on_writes_the_idempotency_key()
    {
        await using var app = new WebTestApp();
        var (api, _) = await app.TokenClientAsync(await app.CreateUserAsync(StaffRoles.Caseworker));
        var document = await api.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);

        var bearer = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal(("http", "bearer"), (bearer.GetProperty("type").GetString(), bearer.GetProperty("scheme").GetString()));

        var missing = new List<string>();
        var operations = 0;
        foreach (var path in document.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/v1/", StringComparison.Ordinal)))
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                operations++;
                var key = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                var responses = operation.Value.GetProperty("responses");
                missing.AddRange(SharedRefusals
                    .Where(status => !(responses.TryGetProperty(status, out var response) && response.GetProperty("content").TryGetProperty("application/problem+json", out _)))
                    .Select(status => $"{key}: no {status} problem response"));
                if (!operation.Value.TryGetProperty("security", out var security) || !security.EnumerateArray().Any(r => r.TryGetProperty("Bearer", out _)))
                {
                    missing.Add($"{key}: no Bearer security requirement");
                }

                var writes = operation.Name is "post" or "put" or "patch";
                var hasKey = operation.Value.TryGetProperty("parameters", out var parameters)
                             && parameters.EnumerateArray().Any(p => p.GetProperty("name").GetString() == "Idempotency-Key" && p.GetProperty("in").GetString() == "header");
                if (writes != hasKey)
                {
                    missing.Add($"{key}: Idempotency-Key header {(writes ? "missing" : "on a read")}");
                }
            }
        }

        Assert.True(operations > 40, $"only {operations} operations documented");
        Assert.True(missing.Count == 0, string.Join('\n', missing));
    }

    [Theory]
    [InlineData("/api/v1/documents/{documentId}/pdf", "application/pdf")]
    [InlineData("/api/v1/requests/{requestId}/notice-preview", "text/html")]
    [InlineData("/api/v1/cases/{caseId}/requests/{requestId}/ftc-report/notices.zip", "application/zip")]
    public async Task Documents_name_the_media_type_they_answer_in(string path, string mediaType)
    {
        await using var app = new WebTestApp();
        var (api, _) = await app.TokenClientAsync(await app.CreateUserAsync(StaffRoles.Caseworker));
        var document = await api.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);

        var ok = document.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("responses").GetProperty("200");
        Assert.True(ok.GetProperty("content").TryGetProperty(mediaType, out _), ok.ToString());
    }

    [Theory]
    [InlineData("/api/v1/cases/not-a-guid", 404)]
    [InlineData("/api/v1/requests/12345/validity", 404)]
    [InlineData("/api/v1/no-such-thing", 404)]
    public async Task A_route_that_matches_nothing_such_as_a_non_guid_id_answers_a_problem_document(string path, int status)
    {
        await using var app = new WebTestApp();
        var (api, _) = await app.TokenClientAsync(await app.CreateUserAsync(StaffRoles.Caseworker));

        var response = await api.GetAsync(path, Ct);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_call_without_a_token_is_refused_with_a_401_problem_document()
    {
        await using var app = new WebTestApp();
        using var anonymous = app.CreateClient();

        var response = await anonymous.GetAsync("/api/v1/cases", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(401, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Every_create_answers_201_with_a_location_that_can_be_read()
    {
        await using var app = new WebTestApp();
        var now = app.Time.GetUtcNow();
        var (api, _) = await app.TokenClientAsync(await app.CreateUserAsync(StaffRoles.Caseworker));
        var opened = await api.PostAsync("/api/v1/cases", WebTestApp.Body(Samples.OpenCase(now, "https://x.com/contract/status/1")), Ct);
        var caseId = (await opened.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();

        var creates = new[]
        {
            opened,
            await api.PostAsync($"/api/v1/cases/{caseId}/releases", WebTestApp.Body(Samples.ReleaseForAllPlatforms(now)), Ct),
            await api.PostAsync($"/api/v1/cases/{caseId}/incidents", WebTestApp.Body(new Application.Features.Incidents.IncidentInput(Domain.Cases.IncidentKind.DigitalForgery, now.AddDays(-1), "reposted")), Ct),
        };

        foreach (var created in creates)
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.NotNull(created.Headers.Location);
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(created.Headers.Location, Ct)).StatusCode);
        }
    }

    [Fact]
    public async Task The_contract_check_finds_an_answer_that_disagrees_with_the_document()
    {
        await using var app = new WebTestApp();
        var (api, _) = await app.TokenClientAsync(await app.CreateUserAsync(StaffRoles.Caseworker));
        var check = new ApiContractCheck(await api.GetStringAsync("/openapi/v1.json", Ct));

        var wrongBody = check.Disagreements(new ApiResponseObservation("GET", "/api/v1/cases/{caseId:guid}", 200, "application/json", """{"id": 5}"""u8.ToArray())).ToList();
        var wrongStatus = check.Disagreements(new ApiResponseObservation("POST", "/api/v1/cases/{caseId:guid}/status", 200, null, [])).ToList();
        var wrongMedia = check.Disagreements(new ApiResponseObservation("GET", "/api/v1/documents/{documentId:guid}/pdf", 200, "text/plain", "x"u8.ToArray())).ToList();

        Assert.Contains(wrongBody, d => d.Contains("required", StringComparison.Ordinal) && d.Contains("reference", StringComparison.Ordinal));
        Assert.Contains(wrongBody, d => d.Contains("/id", StringComparison.Ordinal) && d.Contains("type", StringComparison.Ordinal));
        Assert.Equal(["POST /api/v1/cases/{caseId}/status 200: the status is not documented"], wrongStatus);
        Assert.Single(wrongMedia);
        Assert.Empty(check.Disagreements(new ApiResponseObservation("POST", "/api/v1/cases/{caseId:guid}/status", 204, null, [])));
    }

    [Fact]
    public async Task Names_are_camel_case_without_a_utc_suffix_and_an_answer_about_one_resource_calls_its_id_id()
    {
        await using var app = new WebTestApp();
        var (api, _) = await app.TokenClientAsync(await app.CreateUserAsync(StaffRoles.Caseworker));
        var document = await api.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);
        var schemas = document.GetProperty("components").GetProperty("schemas");

        var names = schemas.EnumerateObject()
            .SelectMany(schema => schema.Value.TryGetProperty("properties", out var properties) ? properties.EnumerateObject().Select(p => (Schema: schema.Name, Property: p.Name)) : [])
            .ToList();
        var queryNames = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject())
            .SelectMany(operation => operation.Value.TryGetProperty("parameters", out var parameters) ? parameters.EnumerateArray() : [])
            .Where(parameter => parameter.GetProperty("in").GetString() == "query")
            .Select(parameter => parameter.GetProperty("name").GetString()!)
            .ToList();

        Assert.True(names.Count > 300, $"only {names.Count} property names");
        Assert.DoesNotContain(names, n => n.Property.EndsWith("Utc", StringComparison.Ordinal) || !char.IsLower(n.Property[0]));
        Assert.Contains(names, n => n == ("SubmissionBody", "recordedReceiptAt"));
        Assert.Contains(names, n => n == ("Submission", "recordedReceiptAt"));
        Assert.Contains("search", queryNames);
        Assert.DoesNotContain(queryNames, name => !char.IsLower(name[0]));
        foreach (var created in new[] { "OpenCaseResult", "DraftedRequest", "CreatedId" })
        {
            var properties = schemas.GetProperty(created).GetProperty("properties");
            Assert.True(properties.TryGetProperty("id", out _), created);
        }
    }

    [Fact]
    public async Task A_field_of_a_body_that_may_be_null_may_be_left_out_and_the_document_says_so()
    {
        await using var app = new WebTestApp();
        var now = app.Time.GetUtcNow();
        var (api, _) = await app.TokenClientAsync(await app.CreateUserAsync(StaffRoles.Caseworker));
        var document = await api.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);
        var submission = document.GetProperty("components").GetProperty("schemas").GetProperty("SubmissionBody");

        Assert.Equal(["channel", "whyDesignated"], submission.GetProperty("required").EnumerateArray().Select(r => r.GetString()).Order(StringComparer.Ordinal));

        var opened = await ApiFlows.OpenCaseAsync(api, now);
        var detail = await WebTestApp.ReadAsync<Application.Features.Cases.CaseDetail>(await api.GetAsync($"/api/v1/cases/{opened.CaseId}", Ct));
        var location = detail.LocationsByPlatform.SelectMany(p => p.Locations).First(l => l.PlatformId is not null);
        var drafted = await WebTestApp.ReadAsync<Application.Features.Requests.DraftedRequest>(await api.PostAsync(
            "/api/v1/requests", WebTestApp.Body(new { caseId = opened.CaseId, platformId = location.PlatformId, kind = "StatutoryRemoval", locationIds = new[] { location.Id } }), Ct));
        Assert.NotEqual(Guid.Empty, drafted.RequestId);
    }

    [Fact]
    public async Task The_details_a_release_may_disclose_are_an_array_of_names_both_ways()
    {
        await using var app = new WebTestApp();
        var now = app.Time.GetUtcNow();
        var (api, _) = await app.TokenClientAsync(await app.CreateUserAsync(StaffRoles.Caseworker));
        var document = await api.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);
        var flags = document.GetProperty("components").GetProperty("schemas").GetProperty("DisclosableDetails");
        Assert.Equal("array", flags.GetProperty("type").GetString());
        Assert.Equal(
            ["LegalName", "Email", "Phone", "PostalAddress", "Signature"],
            flags.GetProperty("items").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));

        var opened = await ApiFlows.OpenCaseAsync(api, now);
        var release = JsonSerializer.SerializeToNode(Samples.ReleaseForAllPlatforms(now), WebTestApp.Json)!.AsObject();
        release["disclosable"] = new System.Text.Json.Nodes.JsonArray("Email", "LegalName");
        var recorded = await api.PostAsync($"/api/v1/cases/{opened.CaseId}/releases", new StringContent(release.ToJsonString(), System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var releaseId = (await recorded.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();

        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{opened.CaseId}", Ct);
        var shown = detail.GetProperty("releases").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == releaseId).GetProperty("disclosable");
        Assert.Equal(["LegalName", "Email"], shown.EnumerateArray().Select(e => e.GetString()));

        release["disclosable"] = "LegalName, Email";
        var refused = await api.PostAsync($"/api/v1/cases/{opened.CaseId}/releases", new StringContent(release.ToJsonString(), System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("disclosable", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
