using System.Text;
using System.Text.Json;
using TakedownDesk.Application.Ports;
using TakedownDesk.Domain.Messaging;

namespace TakedownDesk.Infrastructure.Protection;

/// <summary>
/// Seals an outbox message's body and attachments as one AES-GCM envelope under the victim's data key, bound to the
/// message id; opening fails softly (null) once the key was destroyed, so an erased victim's e-mail is never sent.
/// </summary>
public sealed class MailSeal(VictimKeyRing keys) : IMailSeal
{
    public void Seal(OutboxMessage message, Guid victimId)
    {
        var content = JsonSerializer.SerializeToUtf8Bytes(message.PlainContent);
        message.SealFor(victimId, FieldEnvelope.Seal(keys.Get(victimId), victimId, content, AssociatedData(message)));
    }

    public MailContent? Open(OutboxMessage message)
    {
        if (message.SealedContent is not { } envelope)
        {
            return null;
        }

        try
        {
            var key = keys.Get(FieldEnvelope.KeyIdOf(envelope));
            return JsonSerializer.Deserialize<MailContent>(FieldEnvelope.Open(key, envelope, AssociatedData(message)));
        }
        catch (DataKeyUnavailableException)
        {
            return null;
        }
    }

    private static byte[] AssociatedData(OutboxMessage message) => Encoding.UTF8.GetBytes($"OutboxMessage.Content:{message.Id:N}");
}
