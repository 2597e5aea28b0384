namespace TakedownDesk.Domain.Correspondence;

/// <summary>What a platform's reply says about a request, as the desk reads it and staff confirm it.</summary>
public enum ReplyMeaning
{
    Unclear,
    Acknowledgment,
    Removed,
    Refused,
    MoreInformationAsked,
}
