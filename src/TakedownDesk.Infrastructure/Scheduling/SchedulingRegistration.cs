using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace TakedownDesk.Infrastructure.Scheduling;

public static class SchedulingRegistration
{
    /// <summary>
    /// Quartz with the in-memory store: the database rows are the truth and the jobs only tick, so a lost trigger
    /// costs one interval. Seam for issue #7: a clustered ADO store for PostgreSQL / SQL Server replaces
    /// <c>UseInMemoryStore</c> here (the claims already make two instances safe without it).
    /// </summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(SchedulingOptions.Section).Get<SchedulingOptions>() ?? new SchedulingOptions();
        services.AddOptions<SchedulingOptions>().Bind(configuration.GetSection(SchedulingOptions.Section));
        if (!options.Enabled)
        {
            return services;
        }

        services.AddQuartz(quartz =>
        {
            // No UseTimeProvider here: Quartz 4 takes the TimeProvider registered in DI, the same clock the commands use.
            quartz.UseInMemoryStore();
            Every<EscalationSweepJob>(quartz, "escalation-sweep", options.SweepIntervalSeconds);
            Every<OutboxDispatchJob>(quartz, "outbox-dispatch", options.DispatchIntervalSeconds);
            Every<DailyDigestJob>(quartz, "daily-digest", options.DigestCheckIntervalSeconds);
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        return services;
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
