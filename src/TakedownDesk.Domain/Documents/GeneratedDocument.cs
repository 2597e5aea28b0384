using TakedownDesk.Domain.Common;
using TakedownDesk.Domain.Requests;

namespace TakedownDesk.Domain.Documents;

/// <summary>
/// A notice as it was generated: the PDF, which template made it (name, file and SHA-256 of its text), the PDF's
/// SHA-256, who and when. Never changed afterwards; generating again makes the next version.
/// </summary>
public sealed class GeneratedDocument : Entity
{
    private GeneratedDocument()
    {
        TemplateName = string.Empty;
        TemplateFile = string.Empty;
        TemplateSha256 = string.Empty;
        PdfSha256 = string.Empty;
        PdfBase64 = string.Empty;
        GeneratedBy = string.Empty;
    }

    private GeneratedDocument(RemovalRequest request, DocumentKind kind, int version, string templateName, string templateFile, string templateSha256, byte[] pdf, string generatedBy, DateTime nowUtc)
        : this()
    {
        Id = Guid.NewGuid();
        RequestId = request.Id;
        CaseId = request.CaseId;
        VictimId = request.VictimId;
        Kind = kind;
        Version = version;
        TemplateName = templateName;
        TemplateFile = templateFile;
        TemplateSha256 = templateSha256;
        PdfSha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf));
        PdfBase64 = Convert.ToBase64String(pdf);
        GeneratedBy = generatedBy;
        GeneratedAtUtc = nowUtc;
    }

    public Guid RequestId { get; private set; }

    public Guid CaseId { get; private set; }

    /// <summary>Whose key seals the PDF: it names the victim and the content's locations.</summary>
    public Guid VictimId { get; private set; }

    public DocumentKind Kind { get; private set; }

    /// <summary>Counts within the request and <see cref="Kind"/>.</summary>
    public int Version { get; private set; }

    public string TemplateName { get; private set; }

    public string TemplateFile { get; private set; }

    public string TemplateSha256 { get; private set; }

    public string PdfSha256 { get; private set; }

    public string PdfBase64 { get; private set; }

    public string GeneratedBy { get; private set; }

    public DateTime GeneratedAtUtc { get; private set; }

    /// <summary>Checked before rendering, so an incomplete request fails fast with what is missing.</summary>
    public static void EnsureFinalNoticeIsComplete(RemovalRequest request) =>
        CheckRule(new FinalNoticeNeedsEveryStatutoryElement(request.MissingElements));

    /// <summary>The final notice for a request: only when every element its kind requires is present.</summary>
    public static GeneratedDocument FinalNotice(
        RemovalRequest request, int version, string templateName, string templateFile, string templateSha256, byte[] pdf, string generatedBy, DateTime nowUtc)
    {
        EnsureFinalNoticeIsComplete(request);
        return new GeneratedDocument(request, DocumentKind.RemovalNotice, version, templateName, templateFile, templateSha256, pdf, generatedBy, nowUtc);
    }

    /// <summary>A document the escalation ladder produced for a request: a follow-up notice as sent, or the FTC report pack.</summary>
    public static GeneratedDocument ForEscalation(
        DocumentKind kind, RemovalRequest request, int version, string templateName, string templateFile, string templateSha256, byte[] pdf, string generatedBy, DateTime nowUtc) =>
        new(request, kind, version, templateName, templateFile, templateSha256, pdf, generatedBy, nowUtc);

    public byte[] Pdf() => Convert.FromBase64String(PdfBase64);
}

public sealed class FinalNoticeNeedsEveryStatutoryElement(IReadOnlyList<MissingElement> missing) : IBusinessRule
{
    public bool IsBroken() => missing.Count > 0;

    public string Message =>
        "The notice cannot be final: it is missing " + string.Join("; ", missing.Select(m => $"{m.Element} ({m.WhatIsNeeded})")) + ".";
}
