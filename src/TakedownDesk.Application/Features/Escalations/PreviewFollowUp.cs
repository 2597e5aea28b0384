using Mediator;
using TakedownDesk.Application.Documents;

namespace TakedownDesk.Application.Features.Escalations;

/// <summary>
/// The follow-up's letter as it stands now: HTML to read, plain text to paste into a web form. Audited: it shows the
/// signer, the contact and the content's locations.
/// </summary>
public sealed record PreviewFollowUpQuery(Guid FollowUpId, Guid CaseId) : IQuery<FollowUpPreview>, Common.IAuditedQuery;

public sealed record FollowUpPreview(Guid FollowUpId, string Html, string PlainText, string TemplateFile);

public sealed class PreviewFollowUpHandler(FollowUpLetters letters) : IQueryHandler<PreviewFollowUpQuery, FollowUpPreview>
{
    public async ValueTask<FollowUpPreview> Handle(PreviewFollowUpQuery query, CancellationToken cancellationToken)
    {
        var (rendered, followUp, _) = await letters.RenderAsync(query.FollowUpId, cancellationToken);
        if (followUp.CaseId != query.CaseId)
        {
            throw new Common.NotFoundException("Follow-up notice", query.FollowUpId);
        }

        return new FollowUpPreview(followUp.Id, rendered.Html, rendered.PlainText, rendered.TemplateFile);
    }
}
