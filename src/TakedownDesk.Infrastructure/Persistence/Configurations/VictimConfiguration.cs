using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TakedownDesk.Domain.Victims;

namespace TakedownDesk.Infrastructure.Persistence.Configurations;

internal sealed class VictimConfiguration : IEntityTypeConfiguration<Victim>
{
    public void Configure(EntityTypeBuilder<Victim> builder)
    {
        builder.ToTable("Victims");
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.ConcurrencyStamp).IsConcurrencyToken();
        builder.Property(v => v.Pseudonym).HasMaxLength(100);
        builder.OwnsOne(v => v.Details, details =>
        {
            details.Property(d => d.LegalName).HasColumnName("LegalName").HasMaxLength(200);
            details.Property(d => d.DateOfBirth).HasColumnName("DateOfBirth");
            details.Property(d => d.PreferredLanguage).HasColumnName("PreferredLanguage").HasMaxLength(35);
            details.Property(d => d.Notes).HasColumnName("Notes").HasMaxLength(4000);
        });
        builder.Navigation(v => v.Details).IsRequired();

        builder.HasMany(v => v.ContactChannels).WithOne().HasForeignKey("VictimId").OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(v => v.Releases).WithOne().HasForeignKey("VictimId").OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContactChannelConfiguration : IEntityTypeConfiguration<ContactChannel>
{
    public void Configure(EntityTypeBuilder<ContactChannel> builder)
    {
        builder.ToTable("ContactChannels");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Value).HasMaxLength(320);
        builder.Property(c => c.SafetyNote).HasMaxLength(500);
    }
}

internal sealed class ReleaseConfiguration : IEntityTypeConfiguration<Release>
{
    public void Configure(EntityTypeBuilder<Release> builder)
    {
        builder.ToTable("Releases");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.SignedBy).HasMaxLength(200);
        builder.Property(r => r.Capacity).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Method).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Scope).IsJson().HasMaxLength(8000);
        builder.Property(r => r.RevocationReason).HasMaxLength(1000);
    }
}
