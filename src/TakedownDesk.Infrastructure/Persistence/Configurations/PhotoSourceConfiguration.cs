using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Prevention;
using TakedownDesk.Domain.Victims;

namespace TakedownDesk.Infrastructure.Persistence.Configurations;

internal sealed class PhotoSourceConfiguration : IEntityTypeConfiguration<PhotoSource>
{
    public void Configure(EntityTypeBuilder<PhotoSource> builder)
    {
        builder.ToTable("PhotoSources");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasOne<Victim>().WithMany().HasForeignKey(s => s.VictimId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Case>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.RecordedBy).HasMaxLength(100);
        builder.HasIndex(s => new { s.VictimId, s.RecordedAtUtc });
        // A profile's platform label and address identify the victim as surely as a name: sealed with the victim's key (FieldProtection).
        builder.Ignore(s => s.Platform);
        builder.Property<byte[]>("PlatformCipher").HasColumnName("Platform");
        builder.Ignore(s => s.Url);
        builder.Property<byte[]>("UrlCipher").HasColumnName("Url");
    }
}
