using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TakedownDesk.Domain.Documents;
using TakedownDesk.Domain.Requests;

namespace TakedownDesk.Infrastructure.Persistence.Configurations;

internal sealed class GeneratedDocumentConfiguration : IEntityTypeConfiguration<GeneratedDocument>
{
    public void Configure(EntityTypeBuilder<GeneratedDocument> builder)
    {
        builder.ToTable("GeneratedDocuments");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.HasOne<RemovalRequest>().WithMany().HasForeignKey(d => d.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(30);
        builder.HasIndex(d => new { d.RequestId, d.Kind, d.Version }).IsUnique();
        builder.HasIndex(d => d.CaseId);
        builder.Property(d => d.TemplateName).HasMaxLength(200);
        builder.Property(d => d.TemplateFile).HasMaxLength(400);
        builder.Property(d => d.TemplateSha256).HasMaxLength(64);
        builder.Property(d => d.PdfSha256).HasMaxLength(64);
        builder.Property(d => d.GeneratedBy).HasMaxLength(100);

        // The PDF names the victim and the content's locations: sealed with the victim's key (FieldProtection).
        builder.Ignore(d => d.PdfBase64);
        builder.Property<byte[]>("PdfCipher").HasColumnName("Pdf");
    }
}
