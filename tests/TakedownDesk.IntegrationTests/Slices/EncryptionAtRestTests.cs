using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TakedownDesk.Application.Features.Cases;
using TakedownDesk.Application.Features.Casework;
using TakedownDesk.Application.Features.Incidents;
using TakedownDesk.Application.Features.LocationChecks;
using TakedownDesk.Application.Features.Locations;
using TakedownDesk.Application.Features.Prevention;
using TakedownDesk.Application.Features.Requests;
using TakedownDesk.Application.Features.Victims;
using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Prevention;
using TakedownDesk.Domain.Requests;
using TakedownDesk.Domain.Requests.Kinds;
using TakedownDesk.Domain.Victims;
using TakedownDesk.Infrastructure.Persistence;
using TakedownDesk.IntegrationTests.Escalations;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Slices;

/// <summary>A stolen database file, or a raw look at its columns, shows no victim data; the application still reads it back.</summary>
public static class Markers
{
    public const string UrlPath = "zz-secret-path-5523";
    public const string Email = "marker.victim@example.org";
    public const string Phone = "+1 555 0199 4242";
    public const string SafetyNote = "Marker safety note: abuser reads the shared inbox";
    public const string Notes = "Prefers contact after 6 pm";
    public const string Incident = "Marker incident: posted by her ex from the lake house";
    public const string DepictionLabel = "Marker label beach photo";
    public const string StatusReason = "Marker reason: moderator quoted her home town";
    public const string Authority = "Marker authority: signed by the depicted person herself";
    public const string PostalAddress = "Marker 12 Hidden Lane, Springfield";
    public const string GoodFaith = "Marker good faith: I never consented to this";
    public const string Facts = "Marker facts: taken at the 2024 reunion";
    public const string DisputeReason = "Marker dispute: the platform asks whether Marker Legalname is 18";
    public const string ModelName = "Marker model: legalname-lora-v3";
    public const string Likeness = "Marker likeness: trigger word is her nickname";
    public const string PolicyClause = "Marker clause: no real people, section 9";
    public const string SearchQuery = "Marker query: legalname zq nude";
    public const string Dataset = "Marker dataset: faces-of-springfield";
    public const string Exclusion = "Marker exclusion: every photo from her college profile";
    public const string FaceSearchRemoval = "Marker removal: every result of her face from the campus gallery";
    public const string FinalUrlPath = "zz-final-hop-7781";
    public const string NoteText = "Marker note: her sister Marker Legalname-Roe called";
    public const string TaskTitle = "Marker task: ring her at the Hidden Lane flat";
    public const string PhotoPlatform = "Marker platform: her gymnastics club page";
    public const string PhotoSourcePath = "zz-photo-profile-8841";
    public const string HashCaseNumber = "ZZ-HASHCASE-7741";
    public const string ConsentGivenBy = "Marker consent: her aunt Marker Legalname-Roe";

    /// <summary>A sub-domain can name the person: only the registrable domain of a host is kept readable.</summary>
    public const string Subdomain = "zz-jane-sub-6612";

    public static readonly string[] All =
    [
        Samples.LegalName, Email, Phone, SafetyNote, Notes, UrlPath, "1999-04-02",
        Incident, DepictionLabel, StatusReason, Authority, PostalAddress, GoodFaith, Facts, DisputeReason,
        ModelName, Likeness, PolicyClause, SearchQuery, Dataset, Exclusion, FaceSearchRemoval, Subdomain, FinalUrlPath, NoteText, TaskTitle, PhotoPlatform, PhotoSourcePath, HashCaseNumber, ConsentGivenBy,
    ];

    /// <summary>The fields of every non-statutory kind, each carrying a marker.</summary>
    public static readonly KindFields[] MarkedKindFields =
    [
        new(ModelReport: new ModelReportDetails(ModelName, Likeness, PolicyClause, null)),
        new(SearchDelisting: new SearchDelistingDetails([SearchQuery])),
        new(TrainingOptOut: new TrainingOptOutDetails(Dataset, Exclusion)),
        new(FaceSearchOptOut: new FaceSearchOptOutDetails(FaceSearchRemoval, null)),
    ];

    public static string Url => $"https://x.com/{UrlPath}/status/31337";

    public static string SubdomainUrl => $"https://{Subdomain}.example.net/page/1";

    /// <summary>Where an automatic check's redirects ended: kept, sealed, as evidence.</summary>
    public static string FinalUrl => $"https://x.com/{FinalUrlPath}/landing";

    public static string PhotoSourceUrl => $"https://club.example/team/{PhotoSourcePath}";

    public static OpenCaseCommand OpenCase(DateTimeOffset now) => Samples.OpenCase(now, Url) with
    {
        ContactChannels =
        [
            new ContactChannelInput(ContactChannelKind.Email, Email, true, null),
            new ContactChannelInput(ContactChannelKind.Phone, Phone, false, SafetyNote),
        ],
        Incident = new IncidentInput(IncidentKind.DigitalForgery, now.AddDays(-2), Incident),
    };

    /// <summary>The victim signs and is the contact: every request element, and the platform's dispute reason, carries a marker.</summary>
    public static CompleteRequestElementsCommand CompleteSignedByTheVictim(Guid requestId, DateTimeOffset now) => new(
        requestId,
        new SignatureInput(Samples.LegalName, RequesterCapacity.DepictedIndividual, Authority, now),
        GoodFaith,
        Facts,
        new ContactInput(Samples.LegalName, null, Email, Phone, PostalAddress),
        null);

    /// <summary>Opens a marked case whose platform takes e-mail, and queues a request signed by the victim to that address.</summary>
    public static async Task<(OpenCaseResult Opened, QueuedRequestEmail Queued)> QueueRequestEmailAsync(TestApp app)
    {
        const string designated = "takeitdown@x.example";
        var opened = await app.Send(OpenCase(app.Time.GetUtcNow()));
        var location = opened.Locations.Accepted[0];
        await EscalationKit.DesignateEmailAsync(app, location.PlatformId!.Value, designated);
        var drafted = await app.Send(new DraftRemovalRequestCommand(opened.CaseId, location.PlatformId!.Value, RequestKind.StatutoryRemoval, [location.LocationId]));
        await app.Send(CompleteSignedByTheVictim(drafted.RequestId, app.Time.GetUtcNow()));
        return (opened, await app.Send(new SendRequestByEmailCommand(drafted.RequestId, designated)));
    }

    /// <summary>Fills the remaining free-text fields of an opened case: a labelled depiction, a status reason, a disputed request.</summary>
    public static async Task<Guid> FillEveryFieldAsync(TestApp app, OpenCaseResult opened)
    {
        var location = opened.Locations.Accepted[0];
        await app.Send(new AddLocationsCommand(opened.CaseId, $"https://x.com/other/status/4242", null, DepictionLabel));
        await app.Send(new AddLocationsCommand(opened.CaseId, SubdomainUrl, null, null));
        await app.Send(new RecordLocationCheckCommand(opened.CaseId, location.LocationId, 200, FinalUrl, app.Time.GetUtcNow().UtcDateTime));
        await app.Send(new ChangeLocationStatusCommand(opened.CaseId, location.LocationId, LocationStatus.Removed, StatusReason));
        await app.Send(new WriteCaseNoteCommand(opened.CaseId, NoteText));
        await app.Send(new AddCaseTaskCommand(opened.CaseId, TaskTitle, app.Time.GetUtcNow().AddDays(1), null));
        await app.Send(new RecordPhotoSourceCommand(opened.CaseId, PhotoPlatform, PhotoSourceUrl));
        await app.Send(new RecordHashMatchingCaseCommand(opened.CaseId, HashMatchingService.StopNcii, HashCaseNumber, ConsentGivenBy, app.Time.GetUtcNow(), ConsentMethod.InWriting));
        var drafted = await app.Send(new DraftRemovalRequestCommand(opened.CaseId, location.PlatformId!.Value, RequestKind.StatutoryRemoval, [location.LocationId]));
        await app.Send(CompleteSignedByTheVictim(drafted.RequestId, app.Time.GetUtcNow()));
        await app.Send(Samples.Submit(drafted.RequestId));
        await app.Send(new DisputeValidityCommand(drafted.RequestId, DisputeReason));
        foreach (var (kind, fields) in new[] { RequestKind.ModelLikenessReport, RequestKind.SearchDelisting, RequestKind.TrainingOptOut, RequestKind.FaceSearchOptOut }.Zip(MarkedKindFields))
        {
            await app.Send(new DraftRemovalRequestCommand(
                opened.CaseId, location.PlatformId!.Value, kind, [location.LocationId], fields.ModelReport, fields.SearchDelisting, fields.TrainingOptOut, fields.FaceSearchOptOut));
        }

        return drafted.RequestId;
    }

    /// <summary>The kind fields <see cref="FillEveryFieldAsync"/> wrote come back in plaintext through the application.</summary>
    public static async Task AssertKindFieldsReadableAsync(TestApp app, Guid caseId)
    {
        var requests = await app.WithDb(db => db.RemovalRequests.Where(r => r.CaseId == caseId && r.Kind != RequestKind.StatutoryRemoval).ToListAsync());
        Assert.Equal(MarkedKindFields[0].ModelReport, Assert.Single(requests, r => r.Kind == RequestKind.ModelLikenessReport).ModelReport);
        Assert.Equal([SearchQuery], Assert.Single(requests, r => r.Kind == RequestKind.SearchDelisting).SearchDelisting!.SearchQueries);
        Assert.Equal(MarkedKindFields[2].TrainingOptOut, Assert.Single(requests, r => r.Kind == RequestKind.TrainingOptOut).TrainingOptOut);
        Assert.Equal(MarkedKindFields[3].FaceSearchOptOut, Assert.Single(requests, r => r.Kind == RequestKind.FaceSearchOptOut).FaceSearchOptOut);
    }

    /// <summary>UTF-8, UTF-16 (both byte orders) and the hex text PostgreSQL prints for bytea.</summary>
    public static IEnumerable<(string Marker, byte[] Bytes)> Encodings(string marker) =>
    [
        (marker, Encoding.UTF8.GetBytes(marker)),
        (marker, Encoding.Unicode.GetBytes(marker)),
        (marker, Encoding.BigEndianUnicode.GetBytes(marker)),
        (marker, Encoding.ASCII.GetBytes(Convert.ToHexStringLower(Encoding.UTF8.GetBytes(marker)))),
    ];

    public static async Task AssertReadableThroughTheAppAsync(TestApp app, Guid caseId)
    {
        var details = await app.Query(new GetConfidentialDetailsQuery(caseId));
        Assert.Equal(Samples.LegalName, details.LegalName);
        Assert.Equal(Notes, details.Notes);
        Assert.Equal(new DateOnly(1999, 4, 2), details.DateOfBirth);
        Assert.Contains(details.ContactChannels, c => c.Value == Email);
        Assert.Contains(details.ContactChannels, c => c.Value == Phone && c.SafetyNote == SafetyNote);

        var detail = await app.Query(new GetCaseDetailQuery(caseId));
        Assert.Equal(Url, Assert.Single(detail.LocationsByPlatform.SelectMany(p => p.Locations), l => l.Url.Contains(UrlPath, StringComparison.Ordinal)).Url);
        Assert.Equal(Samples.LegalName, Assert.Single(detail.Releases).SignedBy);
        Assert.Equal(Incident, Assert.Single(detail.Incidents).Description);
    }

    /// <summary>What <see cref="FillEveryFieldAsync"/> wrote comes back in plaintext through the application.</summary>
    public static async Task AssertEveryFieldReadableAsync(TestApp app, Guid caseId, Guid requestId)
    {
        await AssertReadableThroughTheAppAsync(app, caseId);
        var detail = await app.Query(new GetCaseDetailQuery(caseId));
        Assert.Contains(detail.Depictions, d => d.Label == DepictionLabel);
        Assert.Equal((NoteText, TaskTitle), (Assert.Single(detail.Notes).Text, Assert.Single(detail.Tasks).Title));
        var source = Assert.Single((await app.Query(new GetPreventionPlanQuery(caseId))).Sources);
        Assert.Equal((PhotoPlatform, PhotoSourceUrl), (source.Platform, source.Url));
        var hashCase = Assert.Single((await app.Query(new GetPreventionPlanQuery(caseId))).HashMatchingCases);
        Assert.Equal((HashCaseNumber, ConsentGivenBy), (hashCase.CaseNumber, hashCase.ConsentGivenBy));
        var history = await app.WithDb(db => db.Cases.Include(c => c.Locations).SingleAsync(c => c.Id == caseId));
        Assert.Contains(history.Locations.SelectMany(l => l.History), h => h.Reason == StatusReason);
        Assert.Equal(FinalUrl, (await app.WithDb(db => db.LocationChecks.AsNoTracking().SingleAsync(c => c.CaseId == caseId))).FinalUrl);

        var request = await app.Query(new GetRemovalRequestQuery(requestId));
        Assert.Equal((Samples.LegalName, RequesterCapacity.DepictedIndividual, Authority), (request.Signature!.SignedName, request.Signature.Capacity, request.Signature.AuthorityBasis));
        Assert.Equal(new RequesterContact(Samples.LegalName, null, Email, Phone, PostalAddress), request.Contact);
        Assert.Equal((GoodFaith, Facts, DisputeReason), (request.GoodFaithStatement, request.SupportingFacts, request.DisputeReason));
        await AssertKindFieldsReadableAsync(app, caseId);
    }

    /// <summary>The files were really read (a WAL with pages, the readable pseudonym), and no marker is in any encoding.</summary>
    public static void AssertNoMarkerIn(List<(string File, byte[] Bytes)> contents)
    {
        Assert.Contains(contents, c => c.File.EndsWith("-wal", StringComparison.Ordinal) && c.Bytes.Length > 0);
        Assert.Contains(contents, c => c.Bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Samples.Pseudonym)) >= 0);
        foreach (var (name, bytes) in contents)
        {
            foreach (var (marker, encoded) in Markers.All.SelectMany(Markers.Encodings))
            {
                Assert.True(bytes.AsSpan().IndexOf(encoded) < 0, $"{name} contains \"{marker}\"");
            }
        }
    }

    /// <summary>Once while the write-ahead log still holds the recent pages, once after the last connection closed.</summary>
    public static async Task<List<(string File, byte[] Bytes)>> ReadDatabaseFilesAsync(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var contents = await ReadAsync(file);
        SqliteConnection.ClearAllPools();
        contents.AddRange(await ReadAsync(file));
        return contents;
    }

    private static async Task<List<(string File, byte[] Bytes)>> ReadAsync(string file)
    {
        var contents = new List<(string File, byte[] Bytes)>();
        foreach (var path in new[] { file, file + "-wal" }.Where(File.Exists))
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, TestContext.Current.CancellationToken);
            contents.Add((Path.GetFileName(path), buffer.ToArray()));
        }

        return contents;
    }
}

public sealed class EncryptionAtRestOnSqlite
{
    [Fact]
    public async Task The_database_file_and_its_wal_hold_no_victim_data_yet_the_app_reads_it_back()
    {
        await using var app = await TestApp.StartAsync(new SqliteTestDatabase());
        var opened = await app.Send(Markers.OpenCase(app.Time.GetUtcNow()));
        await app.Send(new RevokeReleaseCommand(opened.CaseId, opened.ReleaseId, "Marker safety note: abuser reads the shared inbox"));
        await app.Send(new RecordReleaseCommand(opened.CaseId, Samples.ReleaseForAllPlatforms(app.Time.GetUtcNow())));
        var requestId = await Markers.FillEveryFieldAsync(app, opened);
        var contents = await Markers.ReadDatabaseFilesAsync(app.ConnectionString);

        Markers.AssertNoMarkerIn(contents);

        var details = await app.Query(new GetConfidentialDetailsQuery(opened.CaseId));
        Assert.Equal(Samples.LegalName, details.LegalName);
        Assert.Contains(details.ContactChannels, c => c.Value == Markers.Phone && c.SafetyNote == Markers.SafetyNote);
        var detail = await app.Query(new GetCaseDetailQuery(opened.CaseId));
        Assert.Equal(Markers.Url, detail.LocationsByPlatform.SelectMany(p => p.Locations).Single(l => l.Url.Contains(Markers.UrlPath, StringComparison.Ordinal)).Url);
        Assert.All(detail.Releases, r => Assert.Equal(Samples.LegalName, r.SignedBy));
        Assert.Equal(Markers.Incident, Assert.Single(detail.Incidents).Description);
        var request = await app.Query(new GetRemovalRequestQuery(requestId));
        Assert.Equal((Markers.GoodFaith, Markers.DisputeReason, Markers.PostalAddress), (request.GoodFaithStatement, request.DisputeReason, request.Contact!.PostalAddress));
        await Markers.AssertKindFieldsReadableAsync(app, opened.CaseId);
        Assert.Equal(Markers.FinalUrl, (await app.WithDb(db => db.LocationChecks.AsNoTracking().SingleAsync(c => c.CaseId == opened.CaseId))).FinalUrl);
    }
}

public sealed class RegistrableDomainOnSqlite
{
    [Fact]
    public async Task A_host_stored_whole_before_the_rule_is_reduced_at_start_up_and_gone_from_the_file()
    {
        await using var app = await TestApp.StartAsync(new SqliteTestDatabase());
        var opened = await app.Send(Markers.OpenCase(app.Time.GetUtcNow()));
        await app.Send(new AddLocationsCommand(opened.CaseId, Markers.SubdomainUrl, null, null));
        var whole = $"{Markers.Subdomain}.example.net";
        await app.WithDb(db => db.Database.ExecuteSqlRawAsync("UPDATE Locations SET Domain = {0} WHERE Domain = 'example.net'", [whole], TestContext.Current.CancellationToken));
        Assert.Contains(await Markers.ReadDatabaseFilesAsync(app.ConnectionString), c => c.Bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Markers.Subdomain)) >= 0);

        await app.Services.GetRequiredService<DatabaseInitializer>().MigrateAsync(TestContext.Current.CancellationToken);

        var domains = await app.WithDb(db => db.Set<Location>().Select(l => l.Domain).OrderBy(d => d).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["example.net", "x.com"], domains);
        Assert.All(await Markers.ReadDatabaseFilesAsync(app.ConnectionString), c => Assert.True(c.Bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Markers.Subdomain)) < 0, c.File));
        var detail = await app.Query(new GetCaseDetailQuery(opened.CaseId));
        Assert.Contains(detail.LocationsByPlatform.SelectMany(p => p.Locations), l => l.Url == Markers.SubdomainUrl && l.Host == whole);
    }
}

public sealed class EncryptionAtRestOnPostgres(PostgresCluster cluster)
{
    [Fact]
    public async Task No_column_of_any_table_holds_victim_data_yet_the_app_reads_it_back()
    {
        await using var app = await TestApp.StartAsync(new PostgresTestDatabase(cluster));
        var opened = await app.Send(Markers.OpenCase(app.Time.GetUtcNow()));
        var requestId = await Markers.FillEveryFieldAsync(app, opened);

        var dump = new StringBuilder();
        await using (var connection = new NpgsqlConnection(app.ConnectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            var tables = new List<string>();
            await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'", connection))
            await using (var reader = await list.ExecuteReaderAsync(TestContext.Current.CancellationToken))
            {
                while (await reader.ReadAsync(TestContext.Current.CancellationToken))
                {
                    tables.Add(reader.GetString(0));
                }
            }

            foreach (var table in tables)
            {
                await using var rows = new NpgsqlCommand($"SELECT coalesce(string_agg(t::text, E'\\n'), '') FROM \"{table}\" t", connection);
                dump.AppendLine((string?)await rows.ExecuteScalarAsync(TestContext.Current.CancellationToken));
            }
        }

        var text = dump.ToString();
        Assert.Contains(Samples.Pseudonym, text, StringComparison.Ordinal);
        foreach (var (marker, encoded) in Markers.All.SelectMany(Markers.Encodings))
        {
            Assert.DoesNotContain(Encoding.UTF8.GetString(encoded), text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(marker, text, StringComparison.OrdinalIgnoreCase);
        }

        await Markers.AssertEveryFieldReadableAsync(app, opened.CaseId, requestId);
    }
}
