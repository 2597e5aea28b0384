using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TakedownDesk.Domain.Platforms;

namespace TakedownDesk.Infrastructure.Persistence.Configurations;

internal sealed class PlatformConfiguration : IEntityTypeConfiguration<Platform>
{
    public void Configure(EntityTypeBuilder<Platform> builder)
    {
        builder.ToTable("Platforms");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.ConcurrencyStamp).IsConcurrencyToken();
        builder.Property(p => p.Slug).HasMaxLength(60);
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Coverage).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Verification).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Domains).IsJson();
        builder.Property(p => p.Channels).IsJson();
        builder.Property(p => p.AsksFor).IsJson();
        builder.Property(p => p.Warnings).IsJson();
        builder.Property(p => p.PolicyClause).HasMaxLength(1000);
        builder.Property(p => p.EscalationPath).IsJson();
        builder.Property(p => p.ReplyPatterns!).IsJson();
        builder.Ignore(p => p.ReplyReading);
        builder.Property(p => p.CoverageNote).HasMaxLength(1000);
        builder.Property(p => p.Receipt).HasMaxLength(1000);
        builder.Property(p => p.Notes).HasMaxLength(4000);
        builder.Property(p => p.Source).HasMaxLength(2000);
        builder.Ignore(p => p.DesignatedChannels);
        builder.Ignore(p => p.Profile);
        builder.Ignore(p => p.EscalationLevels);
    }
}
