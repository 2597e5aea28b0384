using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Common;
using TakedownDesk.Domain.Platforms;
using TakedownDesk.Domain.Requests;
using TakedownDesk.Domain.Victims;
using TakedownDesk.Infrastructure.Idempotency;
using TakedownDesk.Infrastructure.Identity;

namespace TakedownDesk.Infrastructure.Persistence;

/// <summary>The one context for every provider; provider differences live in the migrations projects only.</summary>
public sealed class TakedownDeskDbContext(DbContextOptions<TakedownDeskDbContext> options, ICurrentStaff? staff = null)
    : IdentityDbContext<StaffUser>(options), ITakedownDeskDb
{
    public const string SystemActor = "system";

    public DbSet<Victim> Victims => Set<Victim>();

    public DbSet<Case> Cases => Set<Case>();

    public DbSet<Platform> Platforms => Set<Platform>();

    public DbSet<RemovalRequest> RemovalRequests => Set<RemovalRequest>();

    public DbSet<TimelineEntry> Timeline => Set<TimelineEntry>();

    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        WriteTimelineAndRenewStamps();
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        WriteTimelineAndRenewStamps();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Ignore<CaseEvent>();
        builder.ApplyConfigurationsFromAssembly(typeof(TakedownDeskDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private void WriteTimelineAndRenewStamps()
    {
        // Read the actor only when there is something to attribute: identity writes happen before anyone is signed in.
        var aggregates = ChangeTracker.Entries<AggregateRoot>().ToList();
        if (aggregates.Count == 0)
        {
            return;
        }

        var actor = staff?.Id ?? SystemActor;
        foreach (var entry in aggregates)
        {
            foreach (var caseEvent in entry.Entity.PendingCaseEvents)
            {
                Timeline.Add(new TimelineEntry(caseEvent, actor));
            }

            if (entry.State == EntityState.Modified || (entry.State == EntityState.Unchanged && HasChangedParts(entry)))
            {
                entry.Entity.RenewConcurrencyStamp();
            }

            entry.Entity.ClearCaseEvents();
        }
    }

    /// <summary>A change to a child (a new location on a case) is a change to the aggregate, so its stamp must move too.</summary>
    private static bool HasChangedParts(EntityEntry entry) =>
        entry.Navigations.Any(navigation => navigation switch
        {
            CollectionEntry collection => collection.CurrentValue?.Cast<object>().Any(item => collection.FindEntry(item)?.State is EntityState.Added or EntityState.Modified or EntityState.Deleted) == true,
            ReferenceEntry { TargetEntry: { } target } => target.State is EntityState.Added or EntityState.Modified or EntityState.Deleted,
            _ => false,
        });
}
