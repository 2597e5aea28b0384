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

        // Identifying fields are stored only as ciphertext (see FieldProtection); the pseudonym stays searchable.
        builder.Ignore(v => v.Details);
        builder.Property<byte[]>("DetailsCipher").HasColumnName("Details");

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
        builder.Ignore(c => c.Value);
        builder.Property<byte[]>("ValueCipher").HasColumnName("Value");
        builder.Ignore(c => c.SafetyNote);
        builder.Property<byte[]?>("SafetyNoteCipher").HasColumnName("SafetyNote");
    }
}

internal sealed class ReleaseConfiguration : IEntityTypeConfiguration<Release>
{
    public void Configure(EntityTypeBuilder<Release> builder)
    {
        builder.ToTable("Releases");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Ignore(r => r.SignedBy);
        builder.Property<byte[]>("SignedByCipher").HasColumnName("SignedBy");
        builder.Property(r => r.Capacity).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Method).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Scope).IsJson().HasMaxLength(8000);
        builder.Ignore(r => r.RevocationReason);
        builder.Property<byte[]?>("RevocationReasonCipher").HasColumnName("RevocationReason");
    }
}

internal sealed class ErasureRecordConfiguration : IEntityTypeConfiguration<ErasureRecord>
{
    public void Configure(EntityTypeBuilder<ErasureRecord> builder)
    {
        builder.ToTable("ErasureRecords");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.ErasedBy).HasMaxLength(100);
        builder.Property(e => e.Reason).HasConversion<string>().HasMaxLength(30);
    }
}
