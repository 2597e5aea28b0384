using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TakedownDesk.Application.Common;
using TakedownDesk.Infrastructure.Persistence;
using TakedownDesk.Infrastructure.Protection;

namespace TakedownDesk.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddPersistence(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section));
        services.AddOptions<EncryptionOptions>().Bind(configuration.GetSection(EncryptionOptions.Section));
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.Section));
        services.AddDbContext<TakedownDeskDbContext>((provider, builder) =>
        {
            var options = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            builder.UseProvider(options.Provider, ProviderSetup.ResolveConnectionString(options, dataDirectory));
            builder.AddInterceptors(FieldRevealingInterceptor.Instance);
        });
        services.AddSingleton(provider => new MasterKeyRing(Encryption(provider), dataDirectory));
        services.AddSingleton(provider => new VictimKeyStore(Encryption(provider), dataDirectory));
        services.AddScoped<VictimKeyRing>();
        services.AddScoped<IVictimKeys>(provider => provider.GetRequiredService<VictimKeyRing>());
        services.AddScoped<FieldProtection>();
        services.AddScoped<ITakedownDeskDb>(provider => provider.GetRequiredService<TakedownDeskDbContext>());
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    private static EncryptionOptions Encryption(IServiceProvider provider) => provider.GetRequiredService<IOptions<EncryptionOptions>>().Value;
}
