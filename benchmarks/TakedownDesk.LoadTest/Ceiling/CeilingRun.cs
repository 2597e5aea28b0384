using System.Data.Common;
using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TakedownDesk.Infrastructure.Persistence;
using TakedownDesk.LoadTest.Running;

namespace TakedownDesk.LoadTest.Ceiling;

public sealed record CeilingOptions(DatabaseTarget Target, int Users, TimeSpan Duration);

/// <summary>
/// The same writes without the product: for each write action, as many plain rows as the action inserts or updates,
/// in one transaction, by the same number of concurrent writers, into a scratch table of the same database.
/// </summary>
public sealed class CeilingRun(CeilingOptions options)
{
    public const string Table = "LoadCeilingRows";

    /// <summary>Rows each action writes in the product, counted on a seeded database (docs/PERFORMANCE.md, "Load").</summary>
    public static readonly IReadOnlyDictionary<StaffAction, int> RowsPerAction = new Dictionary<StaffAction, int>
    {
        [StaffAction.OpenCase] = 14,
        [StaffAction.PasteUrls] = 6,
        [StaffAction.RecordSubmission] = 8,
    };

    /// <summary>The load mix's write weights (5 : 15 : 15), so the ceiling's throughput is of the same writes.</summary>
    private static readonly StaffAction[] WriteMix = [StaffAction.OpenCase, .. Enumerable.Repeat(StaffAction.PasteUrls, 3), .. Enumerable.Repeat(StaffAction.RecordSubmission, 3)];

    private readonly LatencyBook book = new();

    public async Task<LoadReport> RunAsync(CancellationToken cancellationToken)
    {
        var (factory, connectionString) = await ProviderOfAsync(cancellationToken);
        await ExecuteAsync(factory, connectionString, $"CREATE TABLE {Table} (Id CHAR(32) NOT NULL PRIMARY KEY, CaseId CHAR(32) NOT NULL, Kind VARCHAR(40) NOT NULL, Payload VARCHAR(400) NOT NULL, CreatedAtUtc VARCHAR(40) NOT NULL)", cancellationToken);
        await ExecuteAsync(factory, connectionString, $"CREATE INDEX IX_{Table}_CaseId ON {Table} (CaseId)", cancellationToken);
        try
        {
            var until = Stopwatch.GetTimestamp() + (long)(options.Duration.TotalSeconds * Stopwatch.Frequency);
            await Task.WhenAll(Enumerable.Range(0, options.Users).Select(user =>
                Task.Run(() => WriterAsync(factory, connectionString, new Random(user), until, cancellationToken), cancellationToken)));
        }
        finally
        {
            await ExecuteAsync(factory, connectionString, $"DROP TABLE {Table}", CancellationToken.None);
        }

        return new LoadReport(book.Figures().Where(f => f.Count > 0).ToList(), options.Duration, 0);
    }

    private async Task WriterAsync(DbProviderFactory factory, string connectionString, Random random, long until, CancellationToken cancellationToken)
    {
        while (Stopwatch.GetTimestamp() < until && !cancellationToken.IsCancellationRequested)
        {
            var action = WriteMix[random.Next(WriteMix.Length)];
            var start = Stopwatch.GetTimestamp();
            var status = 200;
            try
            {
                await InsertAsync(factory, connectionString, action, cancellationToken);
            }
            catch (DbException)
            {
                status = 0;
            }

            var end = Stopwatch.GetTimestamp();
            if (end <= until)
            {
                book.Record(action, Stopwatch.GetElapsedTime(start, end).TotalMilliseconds, status);
            }
        }
    }

    /// <summary>A connection from the pool, one transaction, one prepared INSERT per row, commit: what the product's unit of work costs at least.</summary>
    private static async Task InsertAsync(DbProviderFactory factory, string connectionString, StaffAction action, CancellationToken cancellationToken)
    {
        await using var connection = factory.CreateConnection()!;
        connection.ConnectionString = connectionString;
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {Table} (Id, CaseId, Kind, Payload, CreatedAtUtc) VALUES (@id, @case, @kind, @payload, @created)";
        var id = Parameter(command, "@id");
        Parameter(command, "@case").Value = Guid.NewGuid().ToString("N");
        Parameter(command, "@kind").Value = action.ToString();
        var payload = Parameter(command, "@payload");
        Parameter(command, "@created").Value = DateTime.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        for (var row = 0; row < RowsPerAction[action]; row++)
        {
            id.Value = Guid.NewGuid().ToString("N");
            payload.Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(200));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static DbParameter Parameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private static async Task ExecuteAsync(DbProviderFactory factory, string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = factory.CreateConnection()!;
        connection.ConnectionString = connectionString;
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The app's own provider and connection string for this installation, through its composition.</summary>
    private async Task<(DbProviderFactory Factory, string ConnectionString)> ProviderOfAsync(CancellationToken cancellationToken)
    {
        using var host = AppServices.Build(options.Target);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TakedownDeskDbContext>();
        var connection = db.Database.GetDbConnection();
        return (DbProviderFactories.GetFactory(connection)!, db.Database.GetConnectionString()!);
    }
}
