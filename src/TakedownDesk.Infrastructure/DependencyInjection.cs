using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TakedownDesk.Application.Alerts;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Audit;
using TakedownDesk.Application.Features.Casework;
using TakedownDesk.Application.Features.LocationChecks;
using TakedownDesk.Application.Ports;
using TakedownDesk.Infrastructure.Email;
using TakedownDesk.Infrastructure.Escalations;
using TakedownDesk.Infrastructure.LocationChecks;
using TakedownDesk.Infrastructure.Persistence;
using TakedownDesk.Infrastructure.Protection;
using TakedownDesk.Infrastructure.Scheduling;
using TakedownDesk.Infrastructure.Staff;

namespace TakedownDesk.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddPersistence(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section));
        services.AddOptions<EncryptionOptions>().Bind(configuration.GetSection(EncryptionOptions.Section));
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.Section));
        services.AddOptions<CaseworkOptions>().Bind(configuration.GetSection(CaseworkOptions.Section));
        services.AddOptions<AuditOptions>().Bind(configuration.GetSection(AuditOptions.Section));
        services.AddDbContext<TakedownDeskDbContext>((provider, builder) =>
        {
            var options = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            builder.UseProvider(options.Provider, ProviderSetup.ResolveConnectionString(options, dataDirectory));
            builder.AddInterceptors(FieldRevealingInterceptor.Instance, WorkSignalInterceptor.Instance);
            if (options.Provider == DatabaseProvider.Sqlite)
            {
                builder.AddInterceptors(SqliteWriteGate.Instance);
            }
        });
        services.AddSingleton(provider => new MasterKeyRing(Encryption(provider), dataDirectory));
        services.AddSingleton(provider => new VictimKeyStore(Encryption(provider), dataDirectory));
        services.AddScoped<VictimKeyRing>();
        services.AddScoped<IVictimKeys>(provider => provider.GetRequiredService<VictimKeyRing>());
        services.AddScoped<FieldProtection>();
        services.AddScoped<ILocationUrlIndex, LocationUrlIndex>();
        services.AddScoped<IMailSeal, MailSeal>();
        services.AddScoped<IInboundMailSeal, InboundMailSeal>();
        services.AddSingleton<ReplaySeal>();
        services.AddSingleton<IAuditSigner, AuditSigner>();
        services.AddScoped<AuditSealer>();
        services.AddScoped<ITakedownDeskDb>(provider => provider.GetRequiredService<TakedownDeskDbContext>());
        services.AddSingleton<WorkSignals>();
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>Escalation steps, the e-mail outbox and its transport, the staff directory, and the scheduler that ticks them.</summary>
    public static IServiceCollection AddEscalationsAndEmail(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        services.AddOptions<EscalationOptions>().Bind(configuration.GetSection(EscalationOptions.Section));
        services.AddOptions<StaffOptions>().Bind(configuration.GetSection(StaffOptions.Section));
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section));
        services.AddOptions<ImapOptions>().Bind(configuration.GetSection(ImapOptions.Section));
        services.AddSingleton<ImapMailboxReader>();
        services.AddSingleton<IEscalationPolicySource, ConfigurationEscalationPolicySource>();
        services.AddScoped<IStaffDirectory, StaffDirectory>();
        services.AddOptions<AlertOptions>().Bind(configuration.GetSection(AlertOptions.Section));
        services.AddSingleton<IWorkerIdentity, WorkerIdentity>();
        services.AddSingleton<IMailTransport>(provider =>
        {
            var email = provider.GetRequiredService<IOptions<EmailOptions>>();
            var time = provider.GetRequiredService<TimeProvider>();
            return string.IsNullOrWhiteSpace(email.Value.Host)
                ? new MailDropTransport(Path.Combine(dataDirectory, "mail-drop"), email, time)
                : new SmtpMailTransport(email, time);
        });
        services.AddOptions<LocationCheckOptions>().Bind(configuration.GetSection(LocationCheckOptions.Section));
        services.AddSingleton<HostPacer>();
        services.AddSingleton<ILocationProbe, LocationProbe>();
        services.AddScheduling(configuration);
        return services;
    }

    private static EncryptionOptions Encryption(IServiceProvider provider) => provider.GetRequiredService<IOptions<EncryptionOptions>>().Value;
}
