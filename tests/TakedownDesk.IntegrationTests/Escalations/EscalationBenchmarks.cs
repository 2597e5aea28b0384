using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Features.Escalations;
using TakedownDesk.Domain.Escalations;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Escalations;

/// <summary>
/// Measurements, not assertions of speed (the machines are shared). Run with TAKEDOWNDESK_BENCHMARKS=1; results go to
/// the test output and to takedowndesk-benchmarks.txt in the temp folder.
/// </summary>
public sealed class EscalationBenchmarks(PostgresCluster cluster)
{
    private static bool Enabled => Environment.GetEnvironmentVariable("TAKEDOWNDESK_BENCHMARKS") == "1";

    [Fact]
    public async Task Burst_of_10000_due_steps_drained_by_two_instances()
    {
        Assert.SkipUnless(Enabled, "Set TAKEDOWNDESK_BENCHMARKS=1 to run the benchmarks.");
        const int count = 10_000;
        var database = new PostgresTestDatabase(cluster);
        await using var first = await TestApp.StartAsync(database, EscalationKit.Staff());
        await using var second = await first.StartAnotherInstanceAsync(EscalationKit.Staff());
        var requestId = await EscalationKit.SubmittedRequestAsync(first);
        var caseId = await first.WithDb(db => db.RemovalRequests.Where(r => r.Id == requestId).Select(r => r.CaseId).SingleAsync(TestContext.Current.CancellationToken));
        var due = first.Time.GetUtcNow().UtcDateTime.AddMinutes(-1);
        await first.WithDb(db =>
        {
            db.EscalationSteps.AddRange(Enumerable.Range(0, count).Select(_ => new EscalationStep(requestId, caseId, EscalationKind.FollowUp7d, due)));
            return db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        var started = Stopwatch.GetTimestamp();
        var timings = await Task.WhenAll(Task.Run(() => DrainAsync(first)), Task.Run(() => DrainAsync(second)));
        var elapsed = Stopwatch.GetElapsedTime(started);

        var perSweepMs = timings.SelectMany(t => t).Order().ToArray();
        Report(string.Create(
            CultureInfo.InvariantCulture,
            $"{count} steps in {elapsed.TotalSeconds:F1} s ({count / elapsed.TotalSeconds:F0} steps/s); sweep of 50: p50 {Percentile(perSweepMs, 0.5):F0} ms, p99 {Percentile(perSweepMs, 0.99):F0} ms"));
        Assert.Equal(count, await first.WithDb(db => db.EscalationSteps.CountAsync(s => s.State == EscalationState.Done, TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task Sweep_query_over_1000000_rows_uses_the_index()
    {
        Assert.SkipUnless(Enabled, "Set TAKEDOWNDESK_BENCHMARKS=1 to run the benchmarks.");
        await using var app = await TestApp.StartAsync(new PostgresTestDatabase(cluster), EscalationKit.Staff());
        var requestId = await EscalationKit.SubmittedRequestAsync(app);
        var now = app.Time.GetUtcNow().UtcDateTime;
        await app.WithDb(db => db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO "EscalationSteps" ("Id", "RequestId", "CaseId", "Kind", "DueAtUtc", "State", "NextRunAtUtc", "Attempts")
            SELECT gen_random_uuid(), r."Id", r."CaseId", 'FollowUp7d', {0}::timestamptz + (g * interval '1 second'),
                   CASE WHEN g % 10 = 0 THEN 'Pending' ELSE 'Done' END, {0}::timestamptz + (g * interval '1 second'), 1
            FROM generate_series(1, 1000000) g CROSS JOIN (SELECT "Id", "CaseId" FROM "RemovalRequests" WHERE "Id" = {1}) r
            """,
            [now.AddDays(-20), requestId],
            TestContext.Current.CancellationToken));
        await app.WithDb(db => db.Database.ExecuteSqlRawAsync("ANALYZE \"EscalationSteps\"", TestContext.Current.CancellationToken));

        var timings = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await app.WithDb(db => db.EscalationSteps
                .Where(s => (s.State == EscalationState.Pending || s.State == EscalationState.Claimed) && s.NextRunAtUtc <= now)
                .OrderBy(s => s.NextRunAtUtc)
                .Select(s => s.Id)
                .Take(50)
                .ToListAsync(TestContext.Current.CancellationToken));
            timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        timings.Sort();
        Report(string.Create(
            CultureInfo.InvariantCulture,
            $"sweep candidate query over 1,000,000 rows (100,000 pending): p50 {Percentile([.. timings], 0.5):F1} ms, p99 {Percentile([.. timings], 0.99):F1} ms"));
    }

    /// <summary>To the test output and to takedowndesk-benchmarks.txt in the temp folder.</summary>
    private static void Report(string line)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        File.AppendAllLines(Path.Combine(Path.GetTempPath(), "takedowndesk-benchmarks.txt"), [line]);
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(p * sorted.Length))];

    private static async Task<List<double>> DrainAsync(TestApp app)
    {
        var timings = new List<double>();
        var idle = 0;
        while (idle < 3)
        {
            var started = Stopwatch.GetTimestamp();
            var result = await app.Run(new ExecuteDueEscalationsCommand(50));
            timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            idle = result.Claimed == 0 ? idle + 1 : 0;
        }

        return timings;
    }
}
