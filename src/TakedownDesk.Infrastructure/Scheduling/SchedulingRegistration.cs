using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using TakedownDesk.Infrastructure.Email;
using TakedownDesk.Infrastructure.Persistence;

namespace TakedownDesk.Infrastructure.Scheduling;

public static class SchedulingRegistration
{
    /// <summary>
    /// The sweep and the dispatcher are <see cref="WorkLoops"/> on every instance (they wake at the next due instant and
    /// on commit signals; claims keep instances apart); Quartz runs the periodic housekeeping.
    /// On PostgreSQL and SQL Server, Quartz runs clustered on its tables in the case database: every instance is a node,
    /// each job runs on one node at a time, and a dead node's jobs move to a live one after the check-in threshold.
    /// SQLite is single-instance (the instance lock) and Quartz refuses to cluster on it, so it keeps the in-memory store;
    /// the database rows are the truth there and a lost trigger costs one interval.
    /// </summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(SchedulingOptions.Section).Get<SchedulingOptions>() ?? new SchedulingOptions();
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddOptions<SchedulingOptions>().Bind(configuration.GetSection(SchedulingOptions.Section));
        if (!options.Enabled)
        {
            return services;
        }

        services.AddQuartz(quartz =>
        {
            // No UseTimeProvider here: Quartz 4 takes the TimeProvider registered in DI, the same clock the commands use.
            if (database.Provider == DatabaseProvider.Sqlite)
            {
                quartz.UseInMemoryStore();
            }
            else
            {
                quartz.UsePersistentStore(store => UseClusteredStore(store, database, options));
            }

            Every<DailyDigestJob>(quartz, "daily-digest", options.DigestCheckIntervalSeconds);
            Every<ExpiredReplaysJob>(quartz, "expired-replays", options.ReplayExpiryIntervalSeconds);
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        services.AddHostedService<WorkLoops>();
        if (!string.IsNullOrWhiteSpace(configuration[$"{ImapOptions.Section}:Host"]))
        {
            services.AddHostedService<MailboxReaderService>();
        }

        if (database.Provider == DatabaseProvider.Postgres)
        {
            services.AddHostedService(provider => ActivatorUtilities.CreateInstance<PostgresWorkListener>(provider, database.ConnectionString!));
        }

        return services;
    }

    private static void UseClusteredStore(IPersistentStoreBuilder store, DatabaseOptions database, SchedulingOptions options)
    {
        var connectionString = database.ConnectionString
                               ?? throw new InvalidOperationException($"Database:ConnectionString is required for {database.Provider}.");
        if (database.Provider == DatabaseProvider.Postgres)
        {
            store.UsePostgres(connectionString);
        }
        else
        {
            store.UseSqlServer(connectionString);
        }

        store.UseClustering(cluster =>
        {
            cluster.CheckinInterval = TimeSpan.FromSeconds(Math.Max(1, options.ClusterCheckinIntervalSeconds));
            cluster.CheckinMisfireThreshold = TimeSpan.FromSeconds(Math.Max(1, options.ClusterCheckinMisfireThresholdSeconds));
        });
        if (options.ProvisionSchema)
        {
            store.ProvisionSchema();
        }
    }

    private static void Every<TJob>(IQuartzBuilder quartz, string name, int seconds)
        where TJob : IJob
    {
        var key = new JobKey(name);
        quartz.AddJob<TJob>(job => job.WithIdentity(key));
        quartz.AddTrigger(trigger => trigger
            .ForJob(key)
            .WithIdentity(name + "-trigger")
            .StartNow()
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(Math.Max(1, seconds))).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
    }
}
