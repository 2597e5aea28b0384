using System.Text.Json;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Audit;
using TakedownDesk.Application.Features.Cases;
using TakedownDesk.Application.Features.Escalations;
using TakedownDesk.Application.Features.Locations;
using TakedownDesk.Application.Features.Outbox;
using TakedownDesk.Application.Features.Protection;
using TakedownDesk.Application.Features.Requests;
using TakedownDesk.Application.Features.Retention;
using TakedownDesk.Application.Features.Victims;
using TakedownDesk.Domain.Common;
using TakedownDesk.Domain.Requests;
using TakedownDesk.Domain.Victims;
using TakedownDesk.IntegrationTests.Escalations;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Slices;

/// <summary>Victim names, contact details and content URLs never reach a log, at any level, on success or failure.</summary>
public class LogPrivacyTests
{
    private const string UrlMarker = "zz-marker-path-4471";

    [Fact]
    public async Task A_full_flow_at_trace_level_logs_no_victim_data()
    {
        await using var app = await TestApp.StartAsync(new SqliteTestDatabase());
        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow(), $"https://x.com/{UrlMarker}/status/1\nnot a url {UrlMarker}"));
        var location = opened.Locations.Accepted[0];
        var drafted = await app.Send(new DraftRemovalRequestCommand(opened.CaseId, location.PlatformId!.Value, RequestKind.StatutoryRemoval, [location.LocationId]));
        await app.Send(Samples.Complete(drafted.RequestId, app.Time.GetUtcNow()));
        await app.Send(Samples.Submit(drafted.RequestId));
        await Assert.ThrowsAsync<RequestValidationException>(() =>
            app.Send(new AddLocationsCommand(opened.CaseId, string.Empty, null, Samples.LegalName)));
        await app.Query(new GetCaseDetailQuery(opened.CaseId));

        Assert.NotEmpty(app.Logs.Lines);
        Assert.Contains(app.Logs.Lines, l => l.Contains("OpenCaseCommand handled", StringComparison.Ordinal));
        foreach (var secret in new[] { UrlMarker, Samples.LegalName, Samples.Pseudonym, "marker.victim@example.org", "Prefers contact" })
        {
            Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Protection_audit_erasure_and_retention_at_trace_level_log_no_victim_data()
    {
        await using var app = await TestApp.StartAsync(new SqliteTestDatabase(), new Dictionary<string, string?> { ["Retention:ClosedCaseDays"] = "1" });
        var opened = await app.Send(Markers.OpenCase(app.Time.GetUtcNow()));
        var closed = await app.Send(Markers.OpenCase(app.Time.GetUtcNow()));
        await app.Query(new GetConfidentialDetailsQuery(opened.CaseId));
        await app.Send(new SetLegalHoldCommand(opened.CaseId, true));
        await Assert.ThrowsAsync<BusinessRuleViolationException>(() => app.Send(new EraseVictimCommand(opened.CaseId, ErasureReason.VictimRequest)));
        await app.Send(new SetLegalHoldCommand(opened.CaseId, false));
        app.Staff.SeesAllCases = true;
        await app.Send(new RotateMasterKeyCommand());
        await app.Send(new ChangeCaseStatusCommand(closed.CaseId, CaseStatusChange.Close, null));
        app.Time.Advance(TimeSpan.FromDays(2));
        await app.Send(new PurgeExpiredCasesCommand());
        await app.Query(new GetCaseAccessHistoryQuery(opened.CaseId));
        await app.Query(new VerifyAuditChainQuery());
        await app.Send(new EraseVictimCommand(opened.CaseId, ErasureReason.VictimRequest));

        foreach (var command in new[] { "GetConfidentialDetailsQuery", "EraseVictimCommand", "PurgeExpiredCasesCommand", "RotateMasterKeyCommand", "VerifyAuditChainQuery" })
        {
            Assert.Contains(app.Logs.Lines, l => l.Contains(command, StringComparison.Ordinal));
        }

        foreach (var secret in Markers.All.Append(Samples.Pseudonym))
        {
            Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task E_mail_dispatch_escalation_and_erasure_at_trace_level_log_no_victim_data_in_text_or_json_output()
    {
        await using var smtp = SmtpTestServer.Start();
        await using var app = await TestApp.StartAsync(new SqliteTestDatabase(), EscalationKit.Staff(smtp.Settings));
        var filled = await app.Send(Markers.OpenCase(app.Time.GetUtcNow()));
        await Markers.FillEveryFieldAsync(app, filled);
        var (opened, _) = await Markers.QueueRequestEmailAsync(app);
        Assert.Equal(1, (await app.Run(new DispatchOutboxCommand())).Sent);
        app.Time.Advance(TimeSpan.FromHours(40));
        Assert.NotEqual(0, (await app.Run(new ExecuteDueEscalationsCommand())).Executed);
        Assert.NotEqual(0, (await app.Run(new DispatchOutboxCommand())).Sent);
        var (queuedThenErased, _) = await Markers.QueueRequestEmailAsync(app);
        await Assert.ThrowsAsync<RequestValidationException>(() => app.Send(new AddLocationsCommand(opened.CaseId, string.Empty, null, Samples.LegalName)));
        await app.Send(new EraseVictimCommand(opened.CaseId, ErasureReason.VictimRequest));
        await app.Send(new EraseVictimCommand(filled.CaseId, ErasureReason.VictimRequest));
        await app.Send(new EraseVictimCommand(queuedThenErased.CaseId, ErasureReason.VictimRequest));
        Assert.Equal(1, (await app.Run(new DispatchOutboxCommand())).DeadLettered);

        var text = app.Logs.Text;
        var json = app.Logs.Json;
        Assert.Equal(app.Logs.Lines.Count, text.Count);
        Assert.Equal(text.Count, json.Count);
        foreach (var eventId in new[] { LogEvents.EmailSent, LogEvents.EscalationStepDone, LogEvents.VictimErased, LogEvents.EmailUndeliverable, LogEvents.UseCaseFailed })
        {
            Assert.Contains(json, j => JsonDocument.Parse(j).RootElement.GetProperty("EventId").GetInt32() == eventId);
            Assert.Contains(text, t => t.Contains($"[{eventId}]", StringComparison.Ordinal));
        }

        foreach (var secret in Markers.All.Append(Samples.Pseudonym))
        {
            Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(secret, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(text, l => l.Contains(secret, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(json, l => l.Contains(secret, StringComparison.OrdinalIgnoreCase) || l.Contains(JsonEncodedText.Encode(secret).Value, StringComparison.OrdinalIgnoreCase));
        }
    }
}
