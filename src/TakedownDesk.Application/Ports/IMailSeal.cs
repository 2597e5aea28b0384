using TakedownDesk.Domain.Messaging;

namespace TakedownDesk.Application.Ports;

/// <summary>Keeps an e-mail that carries a victim's data sealed with that victim's key until the mail server accepts it.</summary>
public interface IMailSeal
{
    /// <summary>Moves the message's body and attachments into an envelope under the victim's key (bound to the message).</summary>
    void Seal(OutboxMessage message, Guid victimId);

    /// <summary>The body to send; null when the victim's key was destroyed (erased) and the message can never go out.</summary>
    MailContent? Open(OutboxMessage message);
}
