using Microsoft.Extensions.Options;
using TakedownDesk.Application.Ports;
using TakedownDesk.Domain.Escalations;

namespace TakedownDesk.Infrastructure.Escalations;

/// <summary>Configuration section "Escalations": the policy's offsets (TimeSpan strings, e.g. "12:00:00", "7.00:00:00").</summary>
public sealed class EscalationOptions
{
    public const string Section = "Escalations";

    public TimeSpan ReminderBeforeDeadline { get; set; } = EscalationPolicy.Default.ReminderBeforeDeadline;

    public TimeSpan SecondAlertAfterDeadline { get; set; } = EscalationPolicy.Default.SecondAlertAfterDeadline;

    public TimeSpan FirstFollowUpAfterSubmission { get; set; } = EscalationPolicy.Default.FirstFollowUpAfterSubmission;

    public TimeSpan SecondFollowUpAfterSubmission { get; set; } = EscalationPolicy.Default.SecondFollowUpAfterSubmission;

    /// <summary>Off by default: staff read each follow-up before it goes. On, follow-ups to e-mail contacts are sent when drafted.</summary>
    public bool SendEmailFollowUpsWithoutReview { get; set; }
}

public sealed class ConfigurationEscalationPolicySource(IOptionsMonitor<EscalationOptions> options) : IEscalationPolicySource
{
    public EscalationPolicy Current
    {
        get
        {
            var o = options.CurrentValue;
            return new EscalationPolicy
            {
                ReminderBeforeDeadline = o.ReminderBeforeDeadline,
                SecondAlertAfterDeadline = o.SecondAlertAfterDeadline,
                FirstFollowUpAfterSubmission = o.FirstFollowUpAfterSubmission,
                SecondFollowUpAfterSubmission = o.SecondFollowUpAfterSubmission,
                SendEmailFollowUpsWithoutReview = o.SendEmailFollowUpsWithoutReview,
            };
        }
    }
}

/// <summary>Machine, process and a random suffix: two hosts in one process (tests) still differ.</summary>
public sealed class WorkerIdentity : IWorkerIdentity
{
    public string Id { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
}
