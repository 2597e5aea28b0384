using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Domain.Cases;

namespace TakedownDesk.Application.Features.Requests;

public static class RequestReferences
{
    /// <summary>The case reference with a per-case sequence: TD-2026-00042-R3.</summary>
    public static async Task<string> NextAsync(ITakedownDeskDb db, Case @case, CancellationToken cancellationToken)
    {
        var count = await db.RemovalRequests.CountAsync(r => r.CaseId == @case.Id, cancellationToken);
        var pending = db.RemovalRequests.Local.Count(r => r.CaseId == @case.Id && db.RemovalRequests.Entry(r).State == EntityState.Added);
        return string.Create(CultureInfo.InvariantCulture, $"{@case.Reference}-R{count + pending + 1}");
    }
}
