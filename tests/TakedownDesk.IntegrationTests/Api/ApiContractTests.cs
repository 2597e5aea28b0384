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
        var caseId = (await opened.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("caseId").GetGuid();

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
}
