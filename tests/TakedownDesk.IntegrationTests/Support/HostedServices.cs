using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace TakedownDesk.IntegrationTests.Support;

/// <summary>Starts an app's hosted services (Quartz, the work loops) as the web host would, and stops them on dispose.</summary>
public sealed class HostedServices : IAsyncDisposable
{
    private readonly List<IHostedService> services;

    private HostedServices(List<IHostedService> services) => this.services = services;

    /// <summary>Quartz waits for "application started"; register this lifetime so a test can say so.</summary>
    public static void WithLifetime(IServiceCollection services) => services.AddSingleton<IHostApplicationLifetime, ApplicationLifetime>();

    public static async Task<HostedServices> StartAsync(TestApp app)
    {
        ((ApplicationLifetime)app.Services.GetRequiredService<IHostApplicationLifetime>()).NotifyStarted();
        var services = app.Services.GetServices<IHostedService>().ToList();
        Assert.NotEmpty(services);
        foreach (var service in services)
        {
            await service.StartAsync(TestContext.Current.CancellationToken);
        }

        return new HostedServices(services);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in services)
        {
            await service.StopAsync(CancellationToken.None);
        }
    }
}
