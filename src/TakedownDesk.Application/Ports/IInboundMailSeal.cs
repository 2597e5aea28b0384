using TakedownDesk.Domain.Correspondence;

namespace TakedownDesk.Application.Ports;

/// <summary>A document kept from a reply (PDF, text, a forwarded e-mail); images are never among them.</summary>
public sealed record InboundDocument(string FileName, string ContentType, byte[] Content);

/// <summary>What a reply says and who sent it: everything of it that could name the victim, kept sealed.</summary>
public sealed record InboundContent(string From, string Subject, string Text, string? SafeHtml, IReadOnlyList<InboundDocument> Documents);

/// <summary>
/// Seals a read e-mail's content: with the victim's key once it is on a request, with a key derived from the master key
/// while it waits in the inbox queue (no victim is known yet). Bound to the e-mail's id.
/// </summary>
public interface IInboundMailSeal
{
    void SealForQueue(InboundEmail email, InboundContent content);

    void SealForVictim(InboundEmail email, Guid victimId, InboundContent content);

    /// <summary>Null when it cannot be opened any more (the victim was erased).</summary>
    InboundContent? Open(InboundEmail email);
}
