using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Cases;

namespace TakedownDesk.Application.Features.Retention;

/// <summary>What a supervisor needs before a hold or an erasure: the case, its hold, and how many cases erasure would take with it.</summary>
public sealed record GetCaseCustodyQuery(Guid CaseId) : IQuery<CaseCustody>;

/// <summary>A case's hold, and its victim's cases in all and on hold: erasure takes all of them, and any hold refuses it.</summary>
public sealed record CaseCustody(Guid Id, string Reference, CaseStatus Status, bool LegalHold, int VictimCases, int VictimCasesOnHold);

public sealed class GetCaseCustodyValidator : AbstractValidator<GetCaseCustodyQuery>
{
    public GetCaseCustodyValidator() => RuleFor(q => q.CaseId).NotEmpty();
}

public sealed class GetCaseCustodyHandler(ITakedownDeskDb db, ICurrentStaff staff) : IQueryHandler<GetCaseCustodyQuery, CaseCustody>
{
    public async ValueTask<CaseCustody> Handle(GetCaseCustodyQuery query, CancellationToken cancellationToken)
    {
        var @case = await db.Cases.VisibleTo(staff).AsNoTracking().Where(c => c.Id == query.CaseId)
                        .Select(c => new { c.Id, c.Reference, c.Status, c.LegalHold, c.VictimId })
                        .SingleOrDefaultAsync(cancellationToken)
                    ?? throw new NotFoundException("Case", query.CaseId);
        var victimCases = db.Cases.AsNoTracking().Where(c => c.VictimId == @case.VictimId);
        return new CaseCustody(
            @case.Id, @case.Reference, @case.Status, @case.LegalHold,
            await victimCases.CountAsync(cancellationToken), await victimCases.CountAsync(c => c.LegalHold, cancellationToken));
    }
}
