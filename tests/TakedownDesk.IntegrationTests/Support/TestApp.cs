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

    private TestApp(ServiceProvider services, FakeTimeProvider time, TestStaff staff, CapturedLogs logs, IConfigurationRoot configuration, string connectionString)
    {
        this.services = services;
        Time = time;
        Staff = staff;
        Logs = logs;
        Configuration = configuration;
        ConnectionString = connectionString;
    }

    public CapturedLogs Logs { get; }

    /// <summary>The app's configuration; tests may change a value and <c>Reload()</c> it.</summary>
    public IConfigurationRoot Configuration { get; }

    /// <summary>Another app started with this connection string shares the database (two instances of one deployment).</summary>
    public string ConnectionString { get; }

    public FakeTimeProvider Time { get; }

    public TestStaff Staff { get; }

    public IServiceProvider Services => services;

    /// <param name="database">Where the data lives.</param>
    /// <param name="settings">Extra configuration (e.g. "Staff", "Email"); scheduling is always off — tests send the commands.</param>
    /// <param name="configure">Service replacements, applied after the host's registration.</param>
    /// <param name="sharedConnectionString">Use this existing database instead of creating one.</param>
    public static async Task<TestApp> StartAsync(
        TestDatabase database,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null,
        string? sharedConnectionString = null)
    {
        var connectionString = sharedConnectionString ?? await database.CreateAsync();
        var values = new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["Database:ConnectionString"] = connectionString,
            [DataDirectory.Key] = Path.Combine(Path.GetTempPath(), "takedowndesk-tests", Guid.NewGuid().ToString("N")),
            ["Scheduling:Enabled"] = "false",
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
        configure?.Invoke(collection);
        var provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

        await provider.GetRequiredService<DatabaseInitializer>().MigrateAsync(TestContext.Current.CancellationToken);
        return new TestApp(provider, time, staff, logs, configuration, connectionString);
    }

    /// <summary>For messages that are neither commands nor queries (the sweep and the dispatcher manage their own transactions).</summary>
    public async Task<TResponse> Run<TResponse>(IRequest<TResponse> request)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request, TestContext.Current.CancellationToken);
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
