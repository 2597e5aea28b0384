using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TakedownDesk.Infrastructure.Identity;
using TakedownDesk.Web.Hosting;

namespace TakedownDesk.BrowserTests;

/// <summary>The real app served by Kestrel on 127.0.0.1 and a free port, on a fresh SQLite file, so a real browser can reach it.</summary>
public sealed class BrowserApp : WebApplicationFactory<Program>
{
    public const string Password = "Correct-horse-battery-9";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "takedowndesk-browser", Guid.NewGuid().ToString("N"));

    private readonly TimeProvider? time;
    private readonly IDictionary<string, string?> settings;

    /// <summary>With <paramref name="time"/>, the app runs on that clock and without its scheduler: the test runs the sweeps.</summary>
    public BrowserApp(TimeProvider? time = null, IDictionary<string, string?>? settings = null)
    {
        this.time = time;
        this.settings = settings ?? new Dictionary<string, string?>();
        Port = FreePort();
        UseKestrel(options => options.Listen(IPAddress.Loopback, Port));
    }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(folder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(folder, "app.db")};Default Timeout=30");
        builder.UseSetting(DataDirectory.Key, folder);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (time is not null)
        {
            builder.UseSetting("Scheduling:Enabled", "false");
            builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton(time)));
        }
    }

    public async Task<(string Email, string Key)> CreateEnrolledUserAsync(string role, string? email = null, string displayName = "Sam Caseworker")
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        email ??= $"{role}@helpline.example";
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, TimeZoneId = "America/New_York", LockoutEnabled = true };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return (email, (await users.GetAuthenticatorKeyAsync(user))!);
    }

    /// <summary>Runs a command or the sweep as the scheduler would: outside any request, as the system.</summary>
    public async Task<TResponse> RunAsync<TResponse>(Mediator.IRequest<TResponse> request)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Mediator.IMediator>().Send(request);
    }

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TakedownDesk.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("TakedownDesk.sln not found above the test folder.");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
