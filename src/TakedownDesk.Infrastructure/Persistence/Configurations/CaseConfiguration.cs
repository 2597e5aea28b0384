using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Victims;
using TakedownDesk.Infrastructure.Protection;

namespace TakedownDesk.Infrastructure.Persistence.Configurations;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ToTable("Cases");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.ConcurrencyStamp).IsConcurrencyToken();
        builder.Property(c => c.Reference).HasMaxLength(20);
        builder.HasIndex(c => c.Reference).IsUnique();
        builder.HasIndex(c => new { c.ReferenceYear, c.ReferenceNumber }).IsUnique();
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.AssignedStaffId).HasMaxLength(100);
        builder.HasIndex(c => new { c.AssignedStaffId, c.Status });
        builder.HasOne<Victim>().WithMany().HasForeignKey(c => c.VictimId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(c => c.Incidents).WithOne().HasForeignKey("CaseId").OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Depictions).WithOne().HasForeignKey("CaseId").OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Locations).WithOne().HasForeignKey("CaseId").OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> builder)
    {
        builder.ToTable("Incidents");
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(40);
        // Free text about what happened often names people and places: sealed with the victim's key (FieldProtection).
        builder.Ignore(i => i.Description);
        builder.Property<byte[]>("DescriptionCipher").HasColumnName("Description");
        // A model's name, trigger words and likeness reason identify the person as surely as a name: sealed as one JSON value.
        builder.Ignore(i => i.Model);
        builder.Property<byte[]>("ModelCipher").HasColumnName("Model");
    }
}

internal sealed class CaseNoteConfiguration : IEntityTypeConfiguration<CaseNote>
{
    public void Configure(EntityTypeBuilder<CaseNote> builder)
    {
        builder.ToTable("CaseNotes");
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.HasOne<Case>().WithMany().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Victim>().WithMany().HasForeignKey(n => n.VictimId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(n => n.AuthorId).HasMaxLength(100);
        builder.HasIndex(n => new { n.CaseId, n.WrittenAtUtc });
        // What a caseworker writes about a case speaks of the victim: sealed with the victim's key (FieldProtection).
        builder.Ignore(n => n.Text);
        builder.Property<byte[]>("TextCipher").HasColumnName("Text");
    }
}

internal sealed class CaseTaskConfiguration : IEntityTypeConfiguration<CaseTask>
{
    public void Configure(EntityTypeBuilder<CaseTask> builder)
    {
        builder.ToTable("CaseTasks");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.HasOne<Case>().WithMany().HasForeignKey(t => t.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Victim>().WithMany().HasForeignKey(t => t.VictimId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(t => t.AssigneeId).HasMaxLength(100);
        builder.Ignore(t => t.IsDone);
        // The board reads the open tasks due before its horizon.
        builder.HasIndex(t => new { t.DoneAtUtc, t.DueAtUtc });
        builder.HasIndex(t => t.CaseId);
        builder.Ignore(t => t.Title);
        builder.Property<byte[]>("TitleCipher").HasColumnName("Title");
    }
}

internal sealed class DepictionConfiguration : IEntityTypeConfiguration<Depiction>
{
    public void Configure(EntityTypeBuilder<Depiction> builder)
    {
        builder.ToTable("Depictions");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Ignore(d => d.Label);
        builder.Property<byte[]>("LabelCipher").HasColumnName("Label");
    }
}

internal sealed class LocationConfiguration : IEntityTypeConfiguration<Location>
{
    public void Configure(EntityTypeBuilder<Location> builder)
    {
        builder.ToTable("Locations");
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.HasOne<Victim>().WithMany().HasForeignKey(l => l.VictimId).OnDelete(DeleteBehavior.Restrict);

        // The URL is stored only as ciphertext; its de-duplication key only as a keyed HMAC (see FieldProtection).
        builder.Ignore(l => l.Url);
        builder.Property<byte[]>("UrlCipher").HasColumnName("Url");
        builder.Ignore(l => l.UrlKey);
        builder.Property<string>(FieldProtection.UrlIndexKey).HasColumnName("UrlKey").HasMaxLength(64);
        builder.HasIndex("CaseId", FieldProtection.UrlIndexKey).IsUnique();
        builder.Property(l => l.Domain).HasMaxLength(253);
        builder.HasIndex(l => l.PlatformId);
        builder.Property(l => l.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.ContentHash).HasMaxLength(200);
        // Status reasons are free text (a platform's reply may quote the victim): the history is one sealed JSON value.
        builder.Ignore(l => l.History);
        builder.Property<byte[]>("HistoryCipher").HasColumnName("History");
        builder.Property(l => l.LastCheckAnswer).HasConversion<string>().HasMaxLength(20);
        // The check loop reads the earliest due location.
        builder.HasIndex(l => l.NextCheckAtUtc);
    }
}

internal sealed class LocationCheckConfiguration : IEntityTypeConfiguration<LocationCheck>
{
    public void Configure(EntityTypeBuilder<LocationCheck> builder)
    {
        builder.ToTable("LocationChecks");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasOne<Location>().WithMany().HasForeignKey(c => c.LocationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.LocationId, c.CheckedAtUtc });
        builder.HasIndex(c => c.CaseId);
        builder.Property(c => c.Answer).HasConversion<string>().HasMaxLength(20);
        // Where the redirects ended is as telling as the URL itself: sealed with the victim's key (FieldProtection).
        builder.Ignore(c => c.FinalUrl);
        builder.Property<byte[]>("FinalUrlCipher").HasColumnName("FinalUrl");
    }
}

internal sealed class TimelineEntryConfiguration : IEntityTypeConfiguration<TimelineEntry>
{
    public void Configure(EntityTypeBuilder<TimelineEntry> builder)
    {
        builder.ToTable("TimelineEntries");
        builder.HasKey(t => t.Sequence);
        builder.Property(t => t.Sequence).ValueGeneratedOnAdd();
        builder.Property(t => t.Kind).HasMaxLength(50);
        builder.Property(t => t.Summary).HasMaxLength(500);
        builder.Property(t => t.ActorId).HasMaxLength(100);
        builder.HasIndex(t => new { t.CaseId, t.OccurredAtUtc });
    }
}
