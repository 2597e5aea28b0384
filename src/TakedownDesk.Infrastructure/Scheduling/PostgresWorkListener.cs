using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using TakedownDesk.Application.Common;

namespace TakedownDesk.Infrastructure.Scheduling;

/// <summary>
/// PostgreSQL only: LISTENs on <see cref="WorkSignals.Channel"/>, where every instance NOTIFYs in the transaction that
/// planned a step or queued an e-mail (delivered at commit), so another instance's work wakes this one's loops too.
/// </summary>
public sealed partial class PostgresWorkListener(string connectionString, WorkSignals signals, TimeProvider time, ILogger<PostgresWorkListener> logger) : BackgroundService
{
    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, notification) => signals.Raise(Parse(notification.Payload));
                await using (var listen = new NpgsqlCommand($"LISTEN {WorkSignals.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Whatever was committed while this instance was not listening.
                signals.Raise(WorkKinds.Escalations | WorkKinds.Outbox);
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogListenFailed(exception.GetType().Name);
                await Task.Delay(Reconnect, time, stoppingToken);
            }
        }
    }

    private static WorkKinds Parse(string payload) =>
        int.TryParse(payload, out var kinds) ? (WorkKinds)kinds & (WorkKinds.Escalations | WorkKinds.Outbox) : WorkKinds.None;

    [LoggerMessage(EventId = LogEvents.WorkLoopFailed, Level = LogLevel.Warning, Message = "Listening for work signals failed with {ExceptionType}; reconnecting")]
    private partial void LogListenFailed(string exceptionType);
}
