using Microsoft.EntityFrameworkCore;
using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Requests;
using TakedownDesk.Domain.Victims;

namespace TakedownDesk.Application.Common;

/// <summary>Loads whole aggregates, enforcing that a caseworker reaches only the cases assigned to them or that they are a current co-worker on.</summary>
public static class Loading
{
    /// <summary>In SQL what <see cref="Case.CanBeOpenedBy"/> says in the domain; a co-worker's access ends at its time without any job.</summary>
    public static IQueryable<Case> VisibleTo(this IQueryable<Case> cases, ICurrentStaff staff)
    {
        if (staff.SeesAllCases)
        {
            return cases;
        }

        var (id, now) = (staff.Id, staff.NowUtc);
        return cases.Where(c => c.AssignedStaffId == id || c.Coworkers.Any(w => w.StaffId == id && (w.EndsAtUtc == null || now < w.EndsAtUtc)));
    }

    /// <summary>
    /// The requests of the cases <paramref name="staff"/> can open, filtered by an IN list of case ids (assigned, then
    /// co-worked) so that SQL seeks the by-case indexes instead of reading every case's open requests.
    /// </summary>
    public static IQueryable<RemovalRequest> OfCasesVisibleTo(this IQueryable<RemovalRequest> requests, IQueryable<Case> cases, ICurrentStaff staff)
    {
        if (staff.SeesAllCases)
        {
            return requests;
        }

        var (id, now) = (staff.Id, staff.NowUtc);
        var caseIds = cases.Where(c => c.AssignedStaffId == id).Select(c => c.Id)
            .Concat(cases.SelectMany(c => c.Coworkers).Where(w => w.StaffId == id && (w.EndsAtUtc == null || now < w.EndsAtUtc)).Select(w => w.CaseId));
        return requests.Where(r => caseIds.Contains(r.CaseId));
    }

    public static async Task<Case> LoadCaseAsync(this ITakedownDeskDb db, Guid caseId, ICurrentStaff staff, CancellationToken cancellationToken) =>
        await db.Cases
            .Include(c => c.Incidents)
            .Include(c => c.Depictions)
            .Include(c => c.Locations)
            .Include(c => c.Coworkers)
            .AsSplitQuery()
            .VisibleTo(staff)
            .SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken)
        ?? throw new NotFoundException("Case", caseId);

    public static async Task<Victim> LoadVictimAsync(this ITakedownDeskDb db, Guid victimId, CancellationToken cancellationToken) =>
        await db.Victims
            .Include(v => v.Releases)
            .Include(v => v.ContactChannels)
            .AsSplitQuery()
            .SingleOrDefaultAsync(v => v.Id == victimId, cancellationToken)
        ?? throw new NotFoundException("Victim", victimId);

    /// <summary>A request is visible exactly when its case is.</summary>
    public static async Task<(RemovalRequest Request, Case Case)> LoadRequestAsync(
        this ITakedownDeskDb db, Guid requestId, ICurrentStaff staff, CancellationToken cancellationToken)
    {
        var request = await db.RemovalRequests
            .Include(r => r.Items)
            .SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken)
            ?? throw new NotFoundException("Removal request", requestId);
        try
        {
            return (request, await db.LoadCaseAsync(request.CaseId, staff, cancellationToken));
        }
        catch (NotFoundException)
        {
            throw new NotFoundException("Removal request", requestId);
        }
    }
}
