using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Documents.Models;
using TakedownDesk.Application.Ports;
using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Documents;
using TakedownDesk.Domain.Requests;

namespace TakedownDesk.Application.Documents;

/// <summary>Builds the Sec. 3 notice's model from a request, its case and its platform: the one mapping the preview and the final PDF share.</summary>
public sealed class RemovalNotices(ITakedownDeskDb db, ICurrentStaff staff, IStaffDirectory directory, IDocumentRenderer renderer, TimeProvider time)
{
    public const string TemplateName = "notices/removal-request";
    public const string LegalBasis = "Section 3 of the TAKE IT DOWN Act, Pub. L. 119-12";

    /// <summary>Renders the final notice, prints it and adds it to the request's documents as the next version.</summary>
    public async Task<FinalNotice> ProduceFinalAsync(Guid requestId, CancellationToken cancellationToken)
    {
        var (documentRequest, request) = await ComposeAsync(requestId, cancellationToken);
        GeneratedDocument.EnsureFinalNoticeIsComplete(request);
        var rendered = await renderer.RenderAsync(documentRequest, cancellationToken);
        var pdf = await renderer.PrintAsync(rendered, cancellationToken);
        var version = await db.Documents.CountAsync(d => d.RequestId == request.Id && d.Kind == DocumentKind.RemovalNotice, cancellationToken) + 1;
        var document = GeneratedDocument.FinalNotice(
            request, version, rendered.TemplateName, rendered.TemplateFile, rendered.TemplateSha256, pdf, staff.Id, time.UtcNow());
        db.Documents.Add(document);
        return new FinalNotice(request, document, rendered, pdf);
    }

    public async Task<(DocumentRequest Request, RemovalRequest Removal)> ComposeAsync(Guid requestId, CancellationToken cancellationToken)
    {
        var (request, @case) = await db.LoadRequestAsync(requestId, staff, cancellationToken);
        var platform = await db.Platforms.AsNoTracking().SingleAsync(p => p.Id == request.PlatformId, cancellationToken);
        var zoneId = (await directory.GetAsync(staff.Id, cancellationToken))?.TimeZoneId ?? "UTC";
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var found) ? found : TimeZoneInfo.Utc;
        var incident = @case.Incidents.OrderBy(i => i.DiscoveredAtUtc).FirstOrDefault();
        var channel = platform.DesignatedChannels.Count > 0 ? platform.DesignatedChannels[0] : null;
        var contact = request.Contact;
        var signature = request.Signature;

        var model = new RemovalNoticeModel(
            contact?.Organisation ?? contact?.Name ?? string.Empty,
            new PlatformModel(platform.Name, channel is null ? "the platform's removal process" : $"{channel.Kind} {channel.Target}".Trim()),
            request.Reference,
            incident?.Kind == IncidentKind.DigitalForgery ? "digital forgery (AI-generated intimate depiction)" : "intimate visual depiction",
            new SignatureBlockModel(
                signature?.SignedName ?? string.Empty,
                signature?.Capacity == RequesterCapacity.AuthorizedPerson ? SignatureBlockModel.AuthorizedPerson : SignatureBlockModel.DepictedIndividual,
                signature?.AuthorityBasis ?? string.Empty,
                signature is null ? string.Empty : Format(signature.SignedAtUtc, "yyyy-MM-dd")),
            @case.Depictions
                .Select(d => new DepictionModel(d.Label, request.Items.Where(i => i.DepictionId == d.Id)
                    .Select(i => new LocationModel(@case.FindLocation(i.LocationId).Url, string.Empty)).ToList()))
                .Where(d => d.Locations.Count > 0)
                .ToList(),
            request.GoodFaithStatement ?? string.Empty,
            (request.SupportingFacts ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            new ContactModel(contact?.Name ?? string.Empty, contact?.Organisation ?? string.Empty, contact?.Email ?? string.Empty, contact?.Phone ?? string.Empty, contact?.PostalAddress ?? string.Empty),
            LegalBasis,
            Deadline(request, zone, zoneId),
            Format(time.UtcNow(), "yyyy-MM-dd HH:mm 'UTC'"),
            "en");
        return (new DocumentRequest(TemplateName, model, platform.Slug), request);
    }

    private static DeadlineModel Deadline(RemovalRequest request, TimeZoneInfo zone, string zoneId)
    {
        if (request.DeadlineAtUtc is not { } deadline)
        {
            return new DeadlineModel("48 hours after the platform receives this request", "48 hours after receipt", zoneId);
        }

        var local = TimeZoneInfo.ConvertTimeFromUtc(deadline, zone);
        return new DeadlineModel(Format(deadline, "yyyy-MM-dd HH:mm 'UTC'"), local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), zoneId);
    }

    private static string Format(DateTime instant, string format) => instant.ToString(format, CultureInfo.InvariantCulture);
}

public sealed record FinalNotice(RemovalRequest Request, GeneratedDocument Document, RenderedDocument Rendered, byte[] Pdf);
