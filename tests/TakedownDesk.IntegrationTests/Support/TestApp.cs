using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Audit;
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

    private TestApp(
        ServiceProvider services,
        FakeTimeProvider time,
        TestStaff staff,
        CapturedLogs logs,
        IConfigurationRoot configuration,
        DatabaseProvider provider,
        string connectionString,
        string dataDirectory)
    {
        this.services = services;
        Time = time;
        Staff = staff;
        Logs = logs;
        Configuration = configuration;
        Provider = provider;
        ConnectionString = connectionString;
        DataDirectory = dataDirectory;
    }

    public FakeTimeProvider Time { get; }

    public TestStaff Staff { get; }

    public CapturedLogs Logs { get; }

    /// <summary>The app's configuration; tests may change a value and <c>Reload()</c> it.</summary>
    public IConfigurationRoot Configuration { get; }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>Where this app keeps its master key file and victim key store; a second instance of one deployment shares it.</summary>
    public string DataDirectory { get; }

    public IServiceProvider Services => services;

    /// <param name="database">Where the data lives (a new, empty database).</param>
    /// <param name="settings">Extra configuration (e.g. "Staff", "Email"); scheduling is off unless a test turns it on.</param>
    /// <param name="configure">Service replacements, applied after the host's registration.</param>
    public static async Task<TestApp> StartAsync(
        TestDatabase database,
        IEnumerable<KeyValuePair<string, string?>>? settings = null,
        Action<IServiceCollection>? configure = null) =>
        await StartOnAsync(database.Provider, await database.CreateAsync(), null, settings, configure);

    /// <summary>Another instance of the same deployment: same database, same keys.</summary>
    public Task<TestApp> StartAnotherInstanceAsync(IEnumerable<KeyValuePair<string, string?>>? settings = null, Action<IServiceCollection>? configure = null) =>
        StartOnAsync(Provider, ConnectionString, DataDirectory, settings, configure);

    /// <summary>An app on an existing database and data directory (e.g. a restored backup with the current key store).</summary>
    public static async Task<TestApp> StartOnAsync(
        DatabaseProvider provider,
        string connectionString,
        string? dataDirectory,
        IEnumerable<KeyValuePair<string, string?>>? settings = null,
        Action<IServiceCollection>? configure = null)
    {
        dataDirectory ??= Path.Combine(Path.GetTempPath(), "takedowndesk-tests", Guid.NewGuid().ToString("N"));
        var values = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["Database:ConnectionString"] = connectionString,
            [Web.Hosting.DataDirectory.Key] = dataDirectory,
            ["Scheduling:Enabled"] = "false",
            ["LocationChecks:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var environment = new HostingEnvironment { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = Environments.Development };
        var time = new FakeTimeProvider(Start);
        var staff = new TestStaff { Clock = time };
        var logs = new CapturedLogs();

        var collection = new ServiceCollection();
        collection.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        collection.AddSingleton<IConfiguration>(configuration);
        collection.AddTakedownDesk(configuration, environment);
        collection.Replace(ServiceDescriptor.Singleton<TimeProvider>(time));
        collection.Replace(ServiceDescriptor.Scoped<ICurrentStaff>(_ => staff));
        configure?.Invoke(collection);
        var serviceProvider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

        await serviceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(TestContext.Current.CancellationToken);
        return new TestApp(serviceProvider, time, staff, logs, configuration, provider, connectionString, dataDirectory);
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

    /// <summary>For messages that are neither commands nor queries (the sweep and the dispatcher manage their own transactions).</summary>
    public async Task<TResponse> Run<TResponse>(IRequest<TResponse> request)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request, TestContext.Current.CancellationToken);
    }

    /// <summary>What the background sealer does in a running host (scheduling is off here): seals every waiting audit entry.</summary>
    public async Task<int> SealAuditAsync(bool signHead = false)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditSealer>().SealPendingAsync(signHead, TestContext.Current.CancellationToken);
    }

    /// <summary>Several messages in one scope (one DbContext), as one web request sends them.</summary>
    public async Task<T> InOneScope<T>(Func<IMediator, TakedownDeskDbContext, Task<T>> action)
    {
        await using var scope = services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<IMediator>(), scope.ServiceProvider.GetRequiredService<TakedownDeskDbContext>());
    }

    /// <summary>Direct database access for assertions, in a scope of its own.</summary>
    public async Task<T> WithDb<T>(Func<TakedownDeskDbContext, Task<T>> action)
    {
        await using var scope = services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TakedownDeskDbContext>());
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
