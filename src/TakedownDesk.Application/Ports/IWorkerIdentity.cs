namespace TakedownDesk.Application.Ports;

/// <summary>Names this process for claims on escalation steps and outbox rows (operators see who holds what).</summary>
public interface IWorkerIdentity
{
    string Id { get; }
}
