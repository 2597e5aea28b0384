using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Facts;
using TakedownDesk.Application.Features.Staff;
using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Escalations;
using TakedownDesk.Domain.Platforms;
using TakedownDesk.Infrastructure.Identity;
using TakedownDesk.Infrastructure.Persistence;
using TakedownDesk.Infrastructure.Protection;

namespace TakedownDesk.LoadTest.Seeding;

public sealed record SeedOptions(DatabaseTarget Target, int Cases, int Requests, int Staff, string StaffFile, int CasesPerBatch = SeedOptions.DefaultCasesPerBatch, int RandomSeed = 7)
{
    // Small because closing a request scans every tracked escalation step: a batch costs the square of its size
    // (1,000 per batch made 100,000 cases a matter of hours).
    public const int DefaultCasesPerBatch = 100;
}

public sealed record SeedResult(int Cases, int Requests, int ReadyDrafts, TimeSpan Elapsed);

/// <summary>
/// Fills a fresh, migrated database through the app's own DbContext and domain, so every encrypted field is a real
/// envelope under a real victim key and every submission planned its real escalation steps.
/// </summary>
public sealed class Seeder(SeedOptions options, TimeProvider time, TextWriter log)
{
    /// <summary>18 months of history keeps each year's case numbers under the reference's five digits at 100,000 cases.</summary>
    private static readonly TimeSpan History = TimeSpan.FromDays(540);

    private const int CaseIdsPerStaffInFile = 300;

    public async Task<SeedResult> RunAsync(CancellationToken cancellationToken)
    {
        using var host = AppServices.Build(options.Target);
        var services = host.Services;
        await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(cancellationToken);
        await EnsureEmptyAsync(services, cancellationToken);

        var stopwatch = Stopwatch.StartNew();
        var keyFile = services.GetRequiredService<VictimKeyStore>().FilePath;
        SetJournalMode(keyFile, "WAL");
        var staff = await CreateStaffAsync(services, cancellationToken);
        var platforms = await LoadPlatformsAsync(services, cancellationToken);
        var random = new Random(options.RandomSeed);
        var now = time.GetUtcNow().UtcDateTime;
        var caseIds = staff.Select(_ => new List<Guid>()).ToArray();
        var readyDrafts = staff.Select(_ => new List<Guid>()).ToArray();
        var openedAt = Enumerable.Range(0, options.Cases).Select(i => now - History + (History * ((double)i / options.Cases))).ToArray();
        var firstOfYear = openedAt.Select((at, i) => (at.Year, i)).GroupBy(x => x.Year).ToDictionary(g => g.Key, g => g.Min(x => x.i));
        var stride = Stride(options.Cases);
        var requestsWritten = 0;

        for (var first = 0; first < options.Cases; first += options.CasesPerBatch)
        {
            var count = Math.Min(options.CasesPerBatch, options.Cases - first);
            var histories = new List<(CaseHistory History, int StaffIndex)>(count);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TakedownDeskDbContext>();
            var facts = scope.ServiceProvider.GetRequiredService<DomainFactDispatcher>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;

            for (var k = first; k < first + count; k++)
            {
                var i = (int)((long)k * stride % options.Cases);
                var year = openedAt[i].Year;
                var staffIndex = i % staff.Count;
                var history = CaseHistory.Open(
                    i + 1, CaseReference.Create(year, i - firstOfYear[year] + 1), staff[staffIndex].Id, openedAt[i], random);
                var requestCount = RequestsFor(i);
                for (var r = 0; r < requestCount; r++)
                {
                    history.AddRequest(platforms[random.Next(platforms.Count)], now, random);
                }

                db.Victims.Add(history.Victim);
                db.Cases.Add(history.Case);
                db.RemovalRequests.AddRange(history.Requests);
                histories.Add((history, staffIndex));
                requestsWritten += requestCount;
            }

            await facts.DispatchPendingAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);

            var closed = histories.SelectMany(h => h.History.Settle(now, random)).ToDictionary(c => c.RequestId, c => c.ClosedAtUtc);
            SettleSteps(db, closed, now);
            await facts.DispatchPendingAsync(cancellationToken);
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(cancellationToken);

            foreach (var (history, staffIndex) in histories)
            {
                caseIds[staffIndex].Add(history.Case.Id);
                readyDrafts[staffIndex].AddRange(history.ReadyDraftIds);
            }

            if ((first / options.CasesPerBatch) % 5 == 4 || first + count >= options.Cases)
            {
                // Written as it goes: a seeding stopped early still leaves a consistent, usable database of the batches done.
                await WriteStaffFileAsync(staff, caseIds, readyDrafts, random, cancellationToken);
                await log.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"seeded {first + count:N0} cases, {requestsWritten:N0} requests in {stopwatch.Elapsed.TotalSeconds:F0} s"));
            }
        }

        SetJournalMode(keyFile, "DELETE");
        await WriteStaffFileAsync(staff, caseIds, readyDrafts, random, cancellationToken);
        await VacuumAsync(services, cancellationToken);
        return new SeedResult(options.Cases, requestsWritten, readyDrafts.Sum(d => d.Count), stopwatch.Elapsed);
    }

    private async Task WriteStaffFileAsync(List<SeededStaff> staff, List<Guid>[] caseIds, List<Guid>[] readyDrafts, Random random, CancellationToken cancellationToken)
    {
        var file = new StaffFile(staff.Select((s, i) => s with
        {
            CaseIds = caseIds[i].OrderBy(_ => random.Next()).Take(CaseIdsPerStaffInFile).ToList(),
            ReadyDraftIds = [.. readyDrafts[i]],
        }).ToList());
        await file.WriteAsync(options.StaffFile, cancellationToken);
    }

    /// <summary>
    /// Cases are written in a stride order (k × stride mod n, stride coprime to n), not by date, so every prefix is a
    /// sample of the whole 18 months: a seeding stopped early still has today's deadlines, overdue requests and drafts.
    /// </summary>
    private static int Stride(int cases)
    {
        int[] primes = [7919, 7927, 7933, 7937];
        return cases <= 1 ? 1 : primes.First(p => cases % p != 0);
    }

    /// <summary>Requests per case vary 8-12 around the mean (for 10) and add up exactly to the total asked for.</summary>
    private int RequestsFor(int caseIndex)
    {
        var mean = options.Requests / options.Cases;
        var extra = caseIndex < options.Requests % options.Cases ? 1 : 0;
        var spread = mean >= 3 && caseIndex < options.Cases - (options.Cases % 5) ? (caseIndex % 5) - 2 : 0;
        return mean + extra + spread;
    }

    /// <summary>Steps that fell due before today ran (or were cancelled by the request closing first), as the sweep would have done.</summary>
    private static void SettleSteps(TakedownDeskDbContext db, Dictionary<Guid, DateTime> closed, DateTime nowUtc)
    {
        foreach (var step in db.ChangeTracker.Entries<EscalationStep>().Select(e => e.Entity))
        {
            var closedAt = closed.TryGetValue(step.RequestId, out var at) ? at : (DateTime?)null;
            if (step.DueAtUtc <= (closedAt ?? nowUtc))
            {
                step.Complete(step.DueAtUtc);
            }
            else if (closedAt is { } cancelledAt)
            {
                step.Cancel(cancelledAt);
            }
        }
    }

    /// <summary>
    /// A new victim's key is one committed insert into the SQLite key store; in WAL mode that is one fsync instead of
    /// three. Seeding 100,000 victims uses it; the key store is put back in the app's own journal mode afterwards.
    /// </summary>
    private static void SetJournalMode(string? keyFile, string mode)
    {
        if (keyFile is null)
        {
            return;
        }

        SqliteConnection.ClearAllPools();
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = keyFile, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=" + mode;
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Each batch inserts its requests and steps and then settles them, so on PostgreSQL every settled row leaves a dead
    /// version (a full seed: ~16 % of requests, ~19 % of steps). A database with this history would long since have
    /// been vacuumed; without it, the load read through them (the deadline board's p99 at a human pace: 190 ms, 70 ms after).
    /// </summary>
    private async Task VacuumAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TakedownDeskDbContext>();
        if (!db.Database.IsNpgsql())
        {
            return;
        }

        var started = Stopwatch.StartNew();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE)", cancellationToken);
        await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"vacuumed and analysed in {started.Elapsed.TotalSeconds:F0} s"));
    }

    private static async Task EnsureEmptyAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TakedownDeskDbContext>();
        if (await db.Cases.AnyAsync(cancellationToken))
        {
            throw new InvalidOperationException("The database already holds cases; seed a fresh one.");
        }
    }

    private async Task<List<SeededStaff>> CreateStaffAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var staff = new List<SeededStaff>();
        for (var i = 1; i <= options.Staff; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var email = string.Create(CultureInfo.InvariantCulture, $"caseworker-{i:D3}@load.example");
            var password = "Load-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
            var account = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(
                new CreateStaffAccountCommand(email, string.Create(CultureInfo.InvariantCulture, $"Caseworker {i}"), StaffRoles.Caseworker, "UTC", password),
                cancellationToken);
            await EnrolAuthenticatorAsync(scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>(), account.Id);
            var token = await scope.ServiceProvider.GetRequiredService<IStaffAccounts>()
                .CreateTokenAsync(account.Id, "load test", AccessTokenScope.ReadWrite, time.GetUtcNow().UtcDateTime.AddDays(30), cancellationToken);
            staff.Add(new SeededStaff(account.Id, email, token.Token, [], []));
        }

        return staff;
    }

    /// <summary>
    /// Does for each synthetic account what its owner would do at first sign-in: enrol an authenticator (only staff who
    /// signed in with TOTP hold tokens) and take the password as their own (the seeder chose it for them).
    /// </summary>
    private static async Task EnrolAuthenticatorAsync(UserManager<StaffUser> users, string staffId)
    {
        var user = await users.FindByIdAsync(staffId) ?? throw new InvalidOperationException("The new account is missing.");
        user.MustChangePassword = false;
        foreach (var result in new[] { await users.UpdateAsync(user), await users.ResetAuthenticatorKeyAsync(user), await users.SetTwoFactorEnabledAsync(user, true) })
        {
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
            }
        }
    }

    private static async Task<List<SeedPlatform>> LoadPlatformsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TakedownDeskDbContext>();
        var platforms = await db.Platforms.AsNoTracking().ToListAsync(cancellationToken);
        return platforms
            // Statutory requests with their deadlines, so only platforms the Act may cover.
            .Where(p => p.Domains.Count > 0 && p.DesignatedChannels.Count > 0 && p.Coverage != Coverage.Excluded)
            .Select(p => new SeedPlatform(p.Id, p.Domains[0], p.DesignatedChannels[0].Kind, p.DesignatedChannels[0].Target, p.Coverage))
            .ToList();
    }
}
