using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TakedownDesk.Application.Common;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Security;

/// <summary>Over-long and malformed input: a clear 400/413 problem, and not a row written. (Simple malformed JSON is in ApiBehaviourTests.)</summary>
public sealed class MalformedInputTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Bodies() => new()
    {
        "ten-megabyte body",
        "100k-character pseudonym",
        "invalid enum value",
        "number where a string belongs",
        "array where an object belongs",
        "truncated json",
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Hostile_bodies_are_refused_with_a_problem_and_write_nothing(string kind)
    {
        await using var app = new WebTestApp();
        var (client, _) = await app.TokenClientAsync(await app.CreateUserAsync(StaffRoles.Caseworker));
        var valid = JsonSerializer.SerializeToNode(Samples.OpenCase(app.Time.GetUtcNow()), WebTestApp.Json)!.AsObject();
        string body;
        switch (kind)
        {
            case "ten-megabyte body":
                valid["notes"] = new string('a', 10 * 1024 * 1024);
                body = valid.ToJsonString();
                break;
            case "100k-character pseudonym":
                valid["pseudonym"] = new string('p', 100_000);
                body = valid.ToJsonString();
                break;
            case "invalid enum value":
                valid["incident"]!["kind"] = "NotAKind";
                body = valid.ToJsonString();
                break;
            case "number where a string belongs":
                valid["pseudonym"] = 42;
                body = valid.ToJsonString();
                break;
            case "array where an object belongs":
                valid["release"] = new System.Text.Json.Nodes.JsonArray(1, 2);
                body = valid.ToJsonString();
                break;
            default:
                body = valid.ToJsonString()[..200];
                break;
        }

        var before = await SecurityKit.RowCountsAsync(app);
        var response = await client.PostAsync("/api/v1/cases", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"{kind}: {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal((int)response.StatusCode, problem.GetProperty("status").GetInt32());
        var text = problem.ToString();
        Assert.True(text.Length < 4000, $"{kind}: the problem echoes the input ({text.Length} chars)");
        Assert.Equal(before, await SecurityKit.RowCountsAsync(app));
    }
}
