using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Documents.Models;
using TakedownDesk.Application.Ports;
using TakedownDesk.Domain.Escalations;
using TakedownDesk.Domain.Platforms;
using TakedownDesk.Domain.Requests;

namespace TakedownDesk.Application.Documents;

/// <summary>
/// Composes a follow-up notice from the case as it is now: the original request's date, channel and evidence, the
/// deadline, how long it is overdue and the locations still not removed. The preview, the e-mail and the PDF share it.
/// </summary>
public sealed class FollowUpLetters(ITakedownDeskDb db, ICurrentStaff staff, IStaffDirectory directory, IDocumentRenderer renderer, TimeProvider time)
{
    public async Task<(RenderedDocument Rendered, FollowUpNotice FollowUp, RemovalRequest Request)> RenderAsync(Guid followUpId, CancellationToken cancellationToken)
    {
        var followUp = await db.FollowUps.SingleOrDefaultAsync(f => f.Id == followUpId, cancellationToken)
                       ?? throw new NotFoundException("Follow-up notice", followUpId);
        var (rendered, request) = await RenderAsync(followUp, cancellationToken);
        return (rendered, followUp, request);
    }

    /// <summary>Renders a follow-up that may not be saved yet (drafted and sent in one step).</summary>
    public async Task<(RenderedDocument Rendered, RemovalRequest Request)> RenderAsync(FollowUpNotice followUp, CancellationToken cancellationToken)
    {
        var (request, @case) = await LoadVisibleAsync(followUp, cancellationToken);
        var platform = await db.Platforms.AsNoTracking().SingleAsync(p => p.Id == request.PlatformId, cancellationToken);
        var zoneId = (await directory.GetAsync(@case.AssignedStaffId, cancellationToken))?.TimeZoneId ?? "UTC";
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var found) ? found : TimeZoneInfo.Utc;
        var now = time.UtcNow();
        var deadline = request.DeadlineAtUtc!.Value;
        var model = new FollowUpNoticeModel(
            LetterParts.Organisation(request),
            new PlatformModel(platform.Name, LetterParts.Channel(request.Submission)),
            AddressedTo(followUp),
            request.Reference,
            LetterParts.Channel(request.Submission),
            LetterParts.Evidence(request.Submission),
            request.PlatformRequestNumber ?? string.Empty,
            LetterParts.Utc(request.Submission!.ReceivedAtUtc),
            new DeadlineModel(LetterParts.Utc(deadline), LetterParts.Format(TimeZoneInfo.ConvertTimeFromUtc(deadline, zone), "yyyy-MM-dd HH:mm"), zoneId),
            LetterParts.Duration(now - deadline),
            LetterParts.Depictions(@case, request, i => i.Outcome is LocationOutcome.Pending or LocationOutcome.NotRemoved),
            Composers.StatutoryRemovalComposer.LegalBasis,
            LetterParts.Signature(request),
            LetterParts.Contact(request),
            LetterParts.Utc(now),
            "en");
        var rendered = await renderer.RenderAsync(new DocumentRequest(DocumentTemplates.FollowUp, model, platform.Slug), cancellationToken);
        return (rendered, request);
    }

    public static string AddressedTo(FollowUpNotice followUp) =>
        followUp.Target is null ? RoleName(followUp.Role) : $"{RoleName(followUp.Role)}: {followUp.Target}";

    public static string RoleName(EscalationContactRole role) =>
        role switch
        {
            EscalationContactRole.DesignatedChannel => "Designated removal process",
            EscalationContactRole.TrustAndSafety => "Trust and safety",
            EscalationContactRole.Legal => "Legal department",
            EscalationContactRole.HostingProviderAbuse => "Hosting provider's abuse contact",
            EscalationContactRole.RegistrarAbuse => "Domain registrar's abuse contact",
            _ => "Search delisting",
        };

    private async Task<(RemovalRequest Request, Domain.Cases.Case Case)> LoadVisibleAsync(FollowUpNotice followUp, CancellationToken cancellationToken)
    {
        try
        {
            return await db.LoadRequestAsync(followUp.RequestId, staff, cancellationToken);
        }
        catch (NotFoundException)
        {
            throw new NotFoundException("Follow-up notice", followUp.Id);
        }
    }
}
