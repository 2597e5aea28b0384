using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TakedownDesk.Application.Common;
using TakedownDesk.Infrastructure.Persistence;

namespace TakedownDesk.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddPersistence(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section));
        services.AddDbContext<TakedownDeskDbContext>((provider, builder) =>
        {
            var options = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            builder.UseProvider(options.Provider, ProviderSetup.ResolveConnectionString(options, dataDirectory));
        });
        services.AddScoped<ITakedownDeskDb>(provider => provider.GetRequiredService<TakedownDeskDbContext>());
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
