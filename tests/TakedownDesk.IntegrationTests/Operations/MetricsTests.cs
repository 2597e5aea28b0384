using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Escalations;
using TakedownDesk.Application.Features.Outbox;
using TakedownDesk.IntegrationTests.Documents;
using TakedownDesk.IntegrationTests.Escalations;
using TakedownDesk.IntegrationTests.Support;

namespace TakedownDesk.IntegrationTests.Operations;

/// <summary>The "TakedownDesk" meter records at the places that do the work, and the Prometheus endpoint serves it.</summary>
[Collection(ChromiumCollection.Name)]
public sealed class MetricsTests(ChromiumFixture chromium)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_pdf_render_records_its_duration()
    {
        using var recorded = new Recorded("takedowndesk.pdf.render.duration");
        var pdf = await chromium.Printer.PrintAsync("<html><body><p>metrics</p></body></html>", Ct);

        Assert.NotEmpty(pdf);
        Assert.Contains(recorded.Values, ms => ms > 0);
    }

    [Fact]
    public async Task The_sweep_records_escalation_lag_and_backlog_and_dispatch_records_failed_emails()
    {
        using var lag = new Recorded("takedowndesk.escalation.lag");
        using var failed = new Recorded("takedowndesk.emails.failed");
        using var depth = new Recorded("takedowndesk.outbox.depth");
        int closedPort;
        using (var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var settings = EscalationKit.Staff(new Dictionary<string, string?>
        {
            ["Email:Host"] = "127.0.0.1",
            ["Email:Port"] = closedPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:UseTls"] = "false",
            ["Email:TimeoutSeconds"] = "2",
        });
        await using var app = await TestApp.StartAsync(new SqliteTestDatabase(), settings);
        await EscalationKit.SubmittedRequestAsync(app);
        var firstDue = await app.WithDb(db => db.EscalationSteps.MinAsync(s => s.DueAtUtc, Ct));
        app.Time.SetUtcNow(new DateTimeOffset(firstDue, TimeSpan.Zero).AddMinutes(5));

        var sweep = await app.Run(new ExecuteDueEscalationsCommand());
        Assert.True(sweep.Claimed > 0);
        Assert.Contains(lag.Values, seconds => seconds >= 300);

        var dispatch = await app.Run(new DispatchOutboxCommand());
        Assert.True(dispatch.Claimed > 0 && dispatch.Sent == 0);
        Assert.True(failed.Values.Sum() >= dispatch.Claimed);

        depth.Collect();
        Assert.NotEmpty(depth.Values);
    }

    [Fact]
    public async Task The_prometheus_endpoint_serves_the_meter_when_enabled()
    {
        await using var app = new WebTestApp();
        await using var enabled = app.WithWebHostBuilder(builder => builder.UseSetting(Web.Hosting.TakedownDeskHost.PrometheusEndpointKey, "true"));
        var client = enabled.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", Ct)).StatusCode);

        var metrics = await client.GetAsync("/metrics", Ct);
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Contains("takedowndesk_requests_overdue", await metrics.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        await using var plain = new WebTestApp();
        Assert.NotEqual(HttpStatusCode.OK, (await plain.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/metrics", Ct)).StatusCode);
    }

    /// <summary>Measurements of one instrument of the TakedownDesk meter, from any thread while it lives.</summary>
    private sealed class Recorded : IDisposable
    {
        private readonly MeterListener listener = new();
        private readonly ConcurrentQueue<double> values = new();

        public Recorded(string instrument)
        {
            listener.InstrumentPublished = (i, l) =>
            {
                if (i.Meter.Name == TakedownDeskMetrics.MeterName && i.Name == instrument)
                {
                    l.EnableMeasurementEvents(i);
                }
            };
            listener.SetMeasurementEventCallback<double>((_, value, _, _) => values.Enqueue(value));
            listener.SetMeasurementEventCallback<long>((_, value, _, _) => values.Enqueue(value));
            listener.Start();
        }

        public IReadOnlyCollection<double> Values => values;

        public void Collect() => listener.RecordObservableInstruments();

        public void Dispose() => listener.Dispose();
    }
}
