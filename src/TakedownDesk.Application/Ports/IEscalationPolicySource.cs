using TakedownDesk.Domain.Escalations;

namespace TakedownDesk.Application.Ports;

/// <summary>The escalation policy in force (configuration "Escalations"); a change takes effect for new requests, and for pending steps after ReplanEscalations.</summary>
public interface IEscalationPolicySource
{
    EscalationPolicy Current { get; }
}
