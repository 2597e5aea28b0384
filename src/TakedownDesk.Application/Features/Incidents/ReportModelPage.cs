using FluentValidation;
using Mediator;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Requests;
using TakedownDesk.Domain.Requests;
using TakedownDesk.Domain.Requests.Kinds;

namespace TakedownDesk.Application.Features.Incidents;

/// <summary>
/// "Report to the hub" / "report this mirror": drafts a model likeness report to the hub of one of the model's pages,
/// filled in from the incident (name, likeness statement); the caseworker adds the hub's policy clause on the request.
/// </summary>
public sealed record ReportModelPageCommand(Guid CaseId, Guid IncidentId, Guid LocationId) : ICommand<DraftedRequest>;

public sealed class ReportModelPageValidator : AbstractValidator<ReportModelPageCommand>
{
    public ReportModelPageValidator()
    {
        RuleFor(c => c.CaseId).NotEmpty();
        RuleFor(c => c.IncidentId).NotEmpty();
        RuleFor(c => c.LocationId).NotEmpty();
    }
}

public sealed class ReportModelPageHandler(ITakedownDeskDb db, ICurrentStaff staff, TimeProvider time) : ICommandHandler<ReportModelPageCommand, DraftedRequest>
{
    public async ValueTask<DraftedRequest> Handle(ReportModelPageCommand command, CancellationToken cancellationToken)
    {
        var @case = await db.LoadCaseAsync(command.CaseId, staff, cancellationToken);
        var (incident, page) = @case.ModelPageToReport(command.IncidentId, command.LocationId);
        var details = new ModelReportDetails(incident.Model!.ModelName, incident.Model.LikenessStatement(), null, null);
        return await DraftRemovalRequestHandler.DraftAsync(
            db, @case, page.PlatformId!.Value, RequestKind.ModelLikenessReport, [page.Id], new KindFields(ModelReport: details), time.UtcNow(), cancellationToken);
    }
}
