using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using TakedownDesk.Application.Features.Requests;
using TakedownDesk.Domain.Messaging;
using TakedownDesk.Domain.Platforms;
using TakedownDesk.Domain.Requests;
using TakedownDesk.Infrastructure.Persistence;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Escalations;

/// <summary>Staff, a settable clock and a log recorder for the escalation and e-mail tests.</summary>
public static class EscalationKit
{
    public const string Caseworker = "caseworker-1";

    public static Dictionary<string, string?> Staff(IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Staff:Members:0:Id"] = Caseworker,
            ["Staff:Members:0:Email"] = "casey@helpline.example",
            ["Staff:Members:0:Name"] = "Casey Worker",
            ["Staff:Members:0:TimeZone"] = "America/New_York",
            ["Staff:Members:0:Role"] = "Caseworker",
            ["Staff:Members:1:Id"] = "supervisor-1",
            ["Staff:Members:1:Email"] = "sam@helpline.example",
            ["Staff:Members:1:TimeZone"] = "Europe/Berlin",
            ["Staff:Members:1:Role"] = "Supervisor",
            ["Staff:Members:2:Id"] = "supervisor-2",
            ["Staff:Members:2:Email"] = "pat@helpline.example",
            ["Staff:Members:2:TimeZone"] = "America/Los_Angeles",
            ["Staff:Members:2:Role"] = "Supervisor",
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Opens a case on X, drafts, completes and submits a request of <paramref name="kind"/>.</summary>
    public static async Task<Guid> SubmittedRequestAsync(TestApp app, RequestKind kind = RequestKind.StatutoryRemoval)
    {
        var opened = await app.Send(Samples.OpenCase(app.Time.GetUtcNow(), "https://x.com/poster/status/1001"));
        var location = opened.Locations.Accepted[0];
        var drafted = await app.Send(new DraftRemovalRequestCommand(opened.CaseId, location.PlatformId!.Value, kind, [location.LocationId]));
        await app.Send(Samples.Complete(drafted.RequestId, app.Time.GetUtcNow(), kind));
        await app.Send(Samples.Submit(drafted.RequestId));
        return drafted.RequestId;
    }

    /// <summary>Gives the platform a designated e-mail address, so requests to it can be sent through the outbox.</summary>
    public static Task<int> DesignateEmailAsync(TestApp app, Guid platformId, string address) => app.WithDb(async db =>
    {
        var platform = await db.Platforms.SingleAsync(p => p.Id == platformId);
        platform.Channels.Add(new RemovalChannel(ChannelKind.Email, address, "Designated address", true));
        db.Entry(platform).Property(p => p.Channels).IsModified = true;
        return await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    });

    /// <summary>Replaces the app's clock with one that can also go backwards (FakeTimeProvider only moves forward).</summary>
    public static Action<IServiceCollection> WithClock(SettableClock clock, Action<IServiceCollection>? more = null) => services =>
    {
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
        more?.Invoke(services);
    };

    /// <summary>Alerts delivered: the e-mail carrying each (alone or with others due with it) was accepted by the SMTP server.</summary>
    public static Task<int> AlertsSentAsync(TakedownDeskDbContext db, CancellationToken cancellationToken) =>
        db.StaffAlerts.CountAsync(a => db.OutboxMessages.Any(m => m.Id == a.OutboxMessageId && m.State == OutboxState.Sent), cancellationToken);

    /// <summary>The Message-IDs of the e-mails that carry alerts.</summary>
    public static Task<List<string>> AlertMessageIdsAsync(TakedownDeskDbContext db, CancellationToken cancellationToken) =>
        db.OutboxMessages.Where(m => db.StaffAlerts.Any(a => a.OutboxMessageId == m.Id)).Select(m => m.MessageId).ToListAsync(cancellationToken);

    public static Action<IServiceCollection> RecordingLogs(LogRecorder recorder) => services => services.AddSingleton<ILoggerProvider>(recorder);
}

public sealed class SettableClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}

public sealed class LogRecorder : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Recorder(LogRecorder owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Lines.Enqueue($"{category}: {formatter(state, exception)} {exception}");
    }
}
