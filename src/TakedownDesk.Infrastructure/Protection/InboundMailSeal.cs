using System.Text;
using System.Text.Json;
using TakedownDesk.Application.Ports;
using TakedownDesk.Domain.Correspondence;

namespace TakedownDesk.Infrastructure.Protection;

/// <summary>
/// Seals a read e-mail's content (sender, subject, text, sanitised HTML, documents) as one AES-GCM envelope bound to the
/// e-mail's id: under the victim's key once it is on a request (erasure makes it unreadable), under a key derived from
/// the current master key while it waits in the inbox queue, stored as "length of the master key id | id | envelope".
/// </summary>
public sealed class InboundMailSeal(VictimKeyRing keys, MasterKeyRing masterKeys) : IInboundMailSeal
{
    private static readonly byte[] QueuePurpose = "inbound mail queue"u8.ToArray();

    public void SealForQueue(InboundEmail email, InboundContent content)
    {
        var masterKeyId = masterKeys.CurrentId;
        var id = Encoding.UTF8.GetBytes(masterKeyId);
        var envelope = FieldEnvelope.Seal(masterKeys.DerivedKey(masterKeyId, QueuePurpose), Guid.Empty, JsonSerializer.SerializeToUtf8Bytes(content), AssociatedData(email));
        email.Seal([(byte)id.Length, .. id, .. envelope]);
    }

    public void SealForVictim(InboundEmail email, Guid victimId, InboundContent content) =>
        email.Seal(FieldEnvelope.Seal(keys.Get(victimId), victimId, JsonSerializer.SerializeToUtf8Bytes(content), AssociatedData(email)));

    public InboundContent? Open(InboundEmail email)
    {
        var sealedContent = email.SealedContent;
        if (sealedContent.Length == 0)
        {
            return null;
        }

        try
        {
            byte[] plain;
            if (email.VictimId is null)
            {
                var idLength = sealedContent[0];
                var masterKeyId = Encoding.UTF8.GetString(sealedContent, 1, idLength);
                plain = FieldEnvelope.Open(masterKeys.DerivedKey(masterKeyId, QueuePurpose), sealedContent[(1 + idLength)..], AssociatedData(email));
            }
            else
            {
                plain = FieldEnvelope.Open(keys.Get(FieldEnvelope.KeyIdOf(sealedContent)), sealedContent, AssociatedData(email));
            }

            return JsonSerializer.Deserialize<InboundContent>(plain);
        }
        catch (DataKeyUnavailableException)
        {
            return null;
        }
    }

    private static byte[] AssociatedData(InboundEmail email) => Encoding.UTF8.GetBytes($"InboundEmail.Content:{email.Id:N}");
}
