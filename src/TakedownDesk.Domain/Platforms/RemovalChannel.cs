namespace TakedownDesk.Domain.Platforms;

/// <summary>A way to send a request to the platform; the designated one starts the statutory clock.</summary>
public sealed record RemovalChannel(ChannelKind Kind, string? Target, string Instructions, bool DesignatedForTakeItDown);
