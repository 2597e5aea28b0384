using System.Net;
using TakedownDesk.Application.Features.Cases;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Api;

public static class ApiFlows
{
    public const string Urls = """
        https://x.com/someone/status/1234567890
        https://cdn.discordapp.com/attachments/1/2/clip.mp4
        not a url
        """;

    public static async Task<OpenCaseResult> OpenCaseAsync(HttpClient client, DateTimeOffset now, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cases") { Content = WebTestApp.Body(Samples.OpenCase(now, Urls)) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await WebTestApp.ReadAsync<OpenCaseResult>(response);
    }
}
