using Microsoft.EntityFrameworkCore;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Ports;
using TakedownDesk.Domain.Alerts;
using TakedownDesk.Domain.Escalations;

namespace TakedownDesk.Application.Alerts;

/// <summary>Writes a step's alerts as rows in the step's transaction; <see cref="Features.Alerts.CoalesceStaffAlertsHandler"/> sends them.</summary>
public sealed class StaffAlerts(ITakedownDeskDb db, TimeProvider time)
{
    public async Task QueueAsync(EscalationStep step, AlertFacts facts, IEnumerable<StaffContact> recipients, CancellationToken cancellationToken)
    {
        var kind = AlertKinds.For(step.Kind);
        foreach (var recipient in recipients.DistinctBy(r => r.Id, StringComparer.Ordinal))
        {
            var key = StaffAlert.KeyFor(step.Id, recipient.Id);
            // Insert-if-absent; the unique index on Key backs this up if two transactions race.
            if (!await db.StaffAlerts.AnyAsync(a => a.Key == key, cancellationToken))
            {
                db.StaffAlerts.Add(new StaffAlert(step, kind, recipient.Id, facts, time.UtcNow()));
            }
        }
    }
}
