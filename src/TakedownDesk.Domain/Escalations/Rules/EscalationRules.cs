using TakedownDesk.Domain.Common;
using TakedownDesk.Domain.Platforms;
using TakedownDesk.Domain.Requests;

namespace TakedownDesk.Domain.Escalations.Rules;

/// <summary>The ladder is for a platform that missed its statutory deadline, and stops when the request closes.</summary>
public sealed class OnlyAnOverdueRequestIsEscalated(RemovalRequest request) : IBusinessRule
{
    public bool IsBroken() => request.Status != RequestStatus.Overdue || request.Submission is null;

    public string Message => "Only an overdue request is escalated: the platform missed the statutory deadline and the request is still open.";
}

public sealed class OnlyAnUnsentFollowUpCanBeChanged(FollowUpState state) : IBusinessRule
{
    public bool IsBroken() => state is not (FollowUpState.ReadyToSend or FollowUpState.Queued);

    public string Message => "This follow-up was already sent or withdrawn.";
}

public sealed class OnlyAReadyFollowUpIsQueued(FollowUpState state) : IBusinessRule
{
    public bool IsBroken() => state != FollowUpState.ReadyToSend;

    public string Message => "This follow-up is already queued, sent or withdrawn.";
}

public sealed class AnEmailFollowUpNeedsAnAddress(ChannelKind channel, string? target) : IBusinessRule
{
    public bool IsBroken() => channel != ChannelKind.Email || string.IsNullOrWhiteSpace(target) || !target.Contains('@', StringComparison.Ordinal);

    public string Message => "Only a follow-up to an e-mail address can be sent from the desk; enter the contact's address first.";
}

public sealed class FollowUpTargetMustBeASingleLine(string target) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(target) || target.Length > 2000 || target.Any(char.IsControl);

    public string Message => "The contact must be one line: an e-mail address or the form's link.";
}

public sealed class FollowUpCannotBeSentBeforeItWasDrafted(DateTime draftedAtUtc, DateTime sentAtUtc) : IBusinessRule
{
    public bool IsBroken() => sentAtUtc < draftedAtUtc;

    public string Message => "A follow-up cannot have been sent before the desk drafted it.";
}

/// <summary>Victim-service confidentiality: the FTC is one more recipient of personal data, so the release must name it.</summary>
public sealed class DisclosureToTheFtcNeedsARelease(Victims.Release? coveringRelease) : IBusinessRule
{
    public bool IsBroken() => coveringRelease is null;

    public string Message => "The victim's release does not cover disclosure to the FTC: record a signed release that names the FTC (or all platforms) before a report pack is prepared.";
}

public sealed class OnlyAPreparingPackTakesItsDocuments(FtcReportState state) : IBusinessRule
{
    public bool IsBroken() => state != FtcReportState.Preparing;

    public string Message => "This FTC report pack is not being prepared.";
}

public sealed class OnlyAReadyPackIsFiled(FtcReportState state) : IBusinessRule
{
    public bool IsBroken() => state != FtcReportState.ReadyToFile;

    public string Message => state == FtcReportState.Refused
        ? "This FTC report pack was refused: the release does not cover the FTC."
        : "This FTC report pack is not ready to file, or was already filed.";
}

public sealed class FiledReportNeedsTheFtcReference(string? reference) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(reference) || reference.Length > 100 || reference.Any(char.IsControl);

    public string Message => "Enter the reference number the FTC gave the report (one line, up to 100 characters).";
}

public sealed class FilingCannotPrecedeThePack(DateTime createdAtUtc, DateTime filedAtUtc) : IBusinessRule
{
    public bool IsBroken() => filedAtUtc < createdAtUtc;

    public string Message => "The report cannot have been filed before its pack was prepared.";
}

public sealed class ConfirmationMustNameTheAddress(string? target, string confirmed) : IBusinessRule
{
    public bool IsBroken() => target is null || !string.Equals(target.Trim(), confirmed?.Trim(), StringComparison.OrdinalIgnoreCase);

    public string Message => "The follow-up's address changed since the confirmation: check the address and send again.";
}
