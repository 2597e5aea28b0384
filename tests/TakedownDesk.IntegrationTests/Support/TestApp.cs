using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using TakedownDesk.Application.Common;
using TakedownDesk.Infrastructure.Persistence;
using TakedownDesk.Web.Hosting;

namespace TakedownDesk.IntegrationTests.Support;

/// <summary>
/// The application as the host composes it (same registration, same pipeline), on a real database, with a
/// fake clock and a switchable staff member. Each message runs in its own scope, as a web request would.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider services;

    private TestApp(ServiceProvider services, FakeTimeProvider time, TestStaff staff, CapturedLogs logs, DatabaseProvider provider, string connectionString, string dataDirectory)
    {
        this.services = services;
        Provider = provider;
        ConnectionString = connectionString;
        DataDirectory = dataDirectory;
        Time = time;
        Staff = staff;
        Logs = logs;
    }

    public CapturedLogs Logs { get; }

    public FakeTimeProvider Time { get; }

    public TestStaff Staff { get; }

    public IServiceProvider Services => services;

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>Where this app keeps its master key file and victim key store.</summary>
    public string DataDirectory { get; }

    public static async Task<TestApp> StartAsync(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null) =>
        await StartOnAsync(database.Provider, await database.CreateAsync(), null, settings);

    /// <summary>An app on an existing database and data directory (e.g. a restored backup with the current key store).</summary>
    public static async Task<TestApp> StartOnAsync(
        DatabaseProvider provider, string connectionString, string? dataDirectory, IReadOnlyDictionary<string, string?>? settings = null)
    {
        dataDirectory ??= Path.Combine(Path.GetTempPath(), "takedowndesk-tests", Guid.NewGuid().ToString("N"));
        var values = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["Database:ConnectionString"] = connectionString,
            [Web.Hosting.DataDirectory.Key] = dataDirectory,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var environment = new HostingEnvironment { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = Environments.Development };
        var time = new FakeTimeProvider(Start);
        var staff = new TestStaff();
        var logs = new CapturedLogs();

        var collection = new ServiceCollection();
        collection.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        collection.AddSingleton<IConfiguration>(configuration);
        collection.AddTakedownDesk(configuration, environment);
        collection.Replace(ServiceDescriptor.Singleton<TimeProvider>(time));
        collection.Replace(ServiceDescriptor.Scoped<ICurrentStaff>(_ => staff));
        var serviceProvider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

        await serviceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(TestContext.Current.CancellationToken);
        return new TestApp(serviceProvider, time, staff, logs, provider, connectionString, dataDirectory);
    }

    public async Task<TResponse> Send<TResponse>(ICommand<TResponse> command)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command, TestContext.Current.CancellationToken);
    }

    public async Task<TResponse> Query<TResponse>(IQuery<TResponse> query)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(query, TestContext.Current.CancellationToken);
    }

    /// <summary>Direct database access for assertions, in a scope of its own.</summary>
    public async Task<T> WithDb<T>(Func<TakedownDeskDbContext, Task<T>> action)
    {
        await using var scope = services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TakedownDeskDbContext>());
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
