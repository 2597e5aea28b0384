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

internal sealed class HashMatchingCaseConfiguration : IEntityTypeConfiguration<HashMatchingCase>
{
    public void Configure(EntityTypeBuilder<HashMatchingCase> builder)
    {
        builder.ToTable("HashMatchingCases");
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.HasOne<Victim>().WithMany().HasForeignKey(h => h.VictimId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Case>().WithMany().HasForeignKey(h => h.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(h => h.Service).HasConversion<string>().HasMaxLength(30);
        builder.Property(h => h.ConsentMethod).HasConversion<string>().HasMaxLength(30);
        builder.Property(h => h.RecordedBy).HasMaxLength(100);
        builder.HasIndex(h => h.VictimId);
        // The service's case number ties the person to their report there, and who consented may be named: both sealed.
        builder.Ignore(h => h.CaseNumber);
        builder.Property<byte[]>("CaseNumberCipher").HasColumnName("CaseNumber");
        builder.Ignore(h => h.ConsentGivenBy);
        builder.Property<byte[]>("ConsentGivenByCipher").HasColumnName("ConsentGivenBy");
    }
}
