using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using TakedownDesk.Application.Features.Cases;
using TakedownDesk.Application.Features.Incidents;
using TakedownDesk.Application.Features.Victims;
using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Platforms;
using TakedownDesk.Domain.Victims;
using TakedownDesk.Web.Api;
using TakedownDesk.Web.Api.Cases;
using TakedownDesk.Web.Api.Contract;
using TakedownDesk.Web.Api.Requests;

namespace TakedownDesk.LoadTest.Running;

/// <summary>
/// With ActionsPerUser set, each user takes the actions in turn that many times and stops (a smoke run covering every
/// action); Duration is then a cap. ThinkTime is the mean pause between one staff member's actions (exponential); zero is a closed loop that saturates the server. DraftOffset skips each staff member's
/// first ready drafts, so a second run against the same database does not resubmit what an earlier run submitted.
/// </summary>
public sealed record LoadOptions(IReadOnlyList<Uri> BaseUrls, StaffFile Staff, int Users, TimeSpan Duration, TimeSpan Warmup, int? ActionsPerUser = null, TimeSpan ThinkTime = default, int DraftOffset = 0);

/// <summary>
/// Closed loop, no think time: each virtual staff member sends the next request as soon as the last one answered,
/// through the JSON API with their own personal access token, to the instances in turn (user i uses instance i mod n).
/// </summary>
public sealed class LoadRun(LoadOptions options)
{
    /// <summary>A caseworker mostly reads: the board and case pages; writes are pasting URLs and recording what was sent.</summary>
    private static readonly (StaffAction Action, int Weight)[] Mix =
    [
        (StaffAction.DeadlineBoard, 25),
        (StaffAction.CasePage, 40),
        (StaffAction.OpenCase, 5),
        (StaffAction.PasteUrls, 15),
        (StaffAction.RecordSubmission, 15),
    ];

    /// <summary>Domains of the shipped platform directory, so pasted URLs match a platform as real ones do.</summary>
    private static readonly string[] PlatformDomains = ["x.com", "discord.com"];

    private static readonly JsonSerializerOptions Json = ApiJson.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    private readonly LatencyBook book = new();
    private int submissionsWithoutDraft;

    public async Task<LoadReport> RunAsync(CancellationToken cancellationToken)
    {
        var clients = options.BaseUrls.Select(url => new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = url,
            Timeout = TimeSpan.FromSeconds(30),
        }).ToList();
        var drafts = options.Staff.Staff.Select(s => new ConcurrentQueue<Guid>(s.ReadyDraftIds.Skip(options.DraftOffset))).ToArray();
        var cases = options.Staff.Staff.Select(s => new CasePool(s.CaseIds)).ToArray();

        var started = Stopwatch.GetTimestamp();
        var measureFrom = started + (long)(options.Warmup.TotalSeconds * Stopwatch.Frequency);
        var until = measureFrom + (long)(options.Duration.TotalSeconds * Stopwatch.Frequency);
        try
        {
            await Task.WhenAll(Enumerable.Range(0, options.Users).Select(user =>
            {
                var staffIndex = user % options.Staff.Staff.Count;
                var member = new VirtualStaff(
                    clients[user % clients.Count], options.Staff.Staff[staffIndex].Token, cases[staffIndex], drafts[staffIndex], new Random(user));
                return Task.Run(() => LoopAsync(member, user, measureFrom, until, cancellationToken), cancellationToken);
            }));
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }

        var measured = Stopwatch.GetElapsedTime(measureFrom, Math.Min(Stopwatch.GetTimestamp(), until));
        return new LoadReport(book.Figures(), measured, submissionsWithoutDraft);
    }

    private async Task LoopAsync(VirtualStaff member, int user, long measureFrom, long until, CancellationToken cancellationToken)
    {
        for (var turn = 0; Stopwatch.GetTimestamp() < until && !cancellationToken.IsCancellationRequested && turn < (options.ActionsPerUser ?? int.MaxValue); turn++)
        {
            var action = options.ActionsPerUser is null ? Pick(member.Random) : Mix[(user + turn) % Mix.Length].Action;
            var draft = Guid.Empty;
            if (action == StaffAction.RecordSubmission && !member.Drafts.TryDequeue(out draft))
            {
                Interlocked.Increment(ref submissionsWithoutDraft);
                action = StaffAction.CasePage;
            }

            var start = Stopwatch.GetTimestamp();
            var status = await SendAsync(member, action, draft, cancellationToken);
            var end = Stopwatch.GetTimestamp();
            if (start >= measureFrom && end <= until)
            {
                book.Record(action, Stopwatch.GetElapsedTime(start, end).TotalMilliseconds, status);
            }

            if (options.ThinkTime > TimeSpan.Zero)
            {
                // Exponential pauses: staff act independently, so arrivals are close to a Poisson stream.
                await Task.Delay(options.ThinkTime * -Math.Log(1 - member.Random.NextDouble()), cancellationToken);
            }
        }
    }

    /// <summary>Sends one action and reads the whole answer; returns the HTTP status, 0 when there was none.</summary>
    private static async Task<int> SendAsync(VirtualStaff member, StaffAction action, Guid draft, CancellationToken cancellationToken)
    {
        using var request = action switch
        {
            StaffAction.DeadlineBoard => new HttpRequestMessage(HttpMethod.Get, "api/v1/deadlines?withinHours=48"),
            StaffAction.CasePage => new HttpRequestMessage(HttpMethod.Get, $"api/v1/cases/{member.Cases.Any(member.Random)}"),
            StaffAction.OpenCase => Write("api/v1/cases", NewCase(member.Random)),
            StaffAction.PasteUrls => Write($"api/v1/cases/{member.Cases.Any(member.Random)}/locations", new CaseEndpoints.PasteBody(Urls(member.Random, 2), null, "Pasted during the load test")),
            StaffAction.RecordSubmission => Write(
                $"api/v1/requests/{draft}/submission",
                new RequestEndpoints.SubmissionBody(ChannelKind.WebForm, "https://help.example/take-it-down", "The platform's Take It Down web form.", null, null, null, null)),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", member.Token);
        try
        {
            using var response = await member.Client.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (action == StaffAction.OpenCase && response.IsSuccessStatusCode)
            {
                member.Cases.Add(JsonSerializer.Deserialize<OpenCaseResult>(body, Json)!.CaseId);
            }

            return (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return 0;
        }
    }

    /// <summary>A POST as a careful API client sends it: with an idempotency key, so a retry could never record twice.</summary>
    private static HttpRequestMessage Write<T>(string path, T body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: Json) };
        request.Headers.Add(IdempotencyMiddleware.Header, Guid.NewGuid().ToString("N"));
        return request;
    }

    private static OpenCaseCommand NewCase(Random random)
    {
        var now = DateTimeOffset.UtcNow;
        var number = random.Next(1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        return new OpenCaseCommand(
            "Load victim " + number,
            "Load Person " + number,
            null,
            "en",
            null,
            false,
            [new ContactChannelInput(ContactChannelKind.Email, $"load{number}@example.invalid", true, null)],
            new ReleaseInput("Load Person " + number, SignerCapacity.Victim, SignatureMethod.Electronic, now.AddHours(-1), now.AddDays(300), true, null, DisclosableDetails.LegalName | DisclosableDetails.Email),
            new IncidentInput(IncidentKind.DigitalForgery, now.AddDays(-1), "Opened by the load test."),
            Urls(random, 3),
            null);
    }

    private static string Urls(Random random, int count) =>
        string.Join('\n', Enumerable.Range(0, count).Select(_ => $"https://{PlatformDomains[random.Next(PlatformDomains.Length)]}/load-run/{Guid.NewGuid():N}"));

    private static StaffAction Pick(Random random)
    {
        var roll = random.Next(Mix.Sum(m => m.Weight));
        foreach (var (action, weight) in Mix)
        {
            if (roll < weight)
            {
                return action;
            }

            roll -= weight;
        }

        return StaffAction.CasePage;
    }

    private sealed record VirtualStaff(HttpClient Client, string Token, CasePool Cases, ConcurrentQueue<Guid> Drafts, Random Random);

    /// <summary>One staff member's cases: the seeded sample plus those opened during the run.</summary>
    private sealed class CasePool(IEnumerable<Guid> seeded)
    {
        private readonly List<Guid> ids = [.. seeded];
        private readonly Lock gate = new();

        public Guid Any(Random random)
        {
            lock (gate)
            {
                return ids[random.Next(ids.Count)];
            }
        }

        public void Add(Guid id)
        {
            lock (gate)
            {
                ids.Add(id);
            }
        }
    }
}
