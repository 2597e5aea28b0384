namespace TakedownDesk.Application.Documents.Models;

/// <summary>The platform a document is addressed to and the channel its request goes through.</summary>
/// <remarks>
/// RequestChannel: The platform's designated process, e.g. "Web form at https://example.com/ncii" or an e-mail address.<br/>
/// </remarks>
public sealed record PlatformModel(string Name, string RequestChannel);
