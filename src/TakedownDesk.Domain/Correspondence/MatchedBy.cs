namespace TakedownDesk.Domain.Correspondence;

/// <summary>How a reply was put on its request, strongest first.</summary>
public enum MatchedBy
{
    None,

    /// <summary>In-Reply-To or References names a Message-ID the desk sent for the request.</summary>
    Thread,

    /// <summary>The subject carries the request's reference (TD-2026-00042-R1).</summary>
    RequestReference,

    /// <summary>The sender's domain is the platform's, and the text carries the platform's own request number.</summary>
    PlatformRequestNumber,

    /// <summary>Staff attached it from the inbox queue.</summary>
    Staff,
}
