using TakedownDesk.Domain.Common;

namespace TakedownDesk.Domain.Cases.Rules;

public sealed class CaseMustBeAssigned(string staffId) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(staffId);

    public string Message => "A case must be assigned to a staff member.";
}

public sealed class ClosedCaseCannotBeChanged(CaseStatus status) : IBusinessRule
{
    public bool IsBroken() => status == CaseStatus.Closed;

    public string Message => "The case is closed: reopen it before adding to it.";
}

public sealed class CaseStatusMustAllow(CaseStatus status, string action, params CaseStatus[] allowed) : IBusinessRule
{
    public bool IsBroken() => !allowed.Contains(status);

    public string Message => $"A case that is {status} cannot {action}; only a case that is {string.Join(" or ", allowed)} can.";
}

public sealed class IncidentCannotBeDiscoveredInTheFuture(DateTime discoveredAtUtc, DateTime nowUtc) : IBusinessRule
{
    public bool IsBroken() => discoveredAtUtc > nowUtc;

    public string Message => "An incident cannot be discovered in the future.";
}

/// <summary>The minor gate: for a possible minor no image data is handled at all, not even a hash.</summary>
public sealed class NoImageDataForPossibleMinors(bool routedToNcmec) : IBusinessRule
{
    public bool IsBroken() => routedToNcmec;

    public string Message => "The person may have been a minor when depicted: no image data (not even a hash) may be stored. Route to NCMEC.";
}

public sealed class ContentHashMustBeGiven(string hash) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(hash);

    public string Message => "A content hash must not be empty.";
}

public sealed class LocationMustBelongToTheCase : IBusinessRule
{
    public bool IsBroken() => true;

    public string Message => "That location does not belong to this case.";
}

public sealed class DepictionMustBelongToTheCase : IBusinessRule
{
    public bool IsBroken() => true;

    public string Message => "That depiction does not belong to this case.";
}

public sealed class CaseOnLegalHoldCannotBeErased(bool legalHold) : IBusinessRule
{
    public bool IsBroken() => legalHold;

    public string Message => "A case on legal hold cannot be erased: lift the hold first.";
}

/// <summary>A case's assignee is alerted and answerable for its deadlines: it must be someone on the staff now, not a typo or a leaver.</summary>
public sealed class CasesGoToActiveStaff(bool assigneeIsActiveStaff) : IBusinessRule
{
    public bool IsBroken() => !assigneeIsActiveStaff;

    public string Message => "That staff member does not exist or their account is disabled: assign the case to someone on the staff.";
}

/// <summary>
/// A case holds at most this many locations, so that one case cannot grow without bound (10,000 once made its page take
/// 13 s); a campaign larger than this is split into cases per platform or per depiction.
/// </summary>
public sealed class CasesHoldAFewThousandLocationsAtMost(int locations) : IBusinessRule
{
    public const int Maximum = 5000;

    public bool IsBroken() => locations > Maximum;

    public string Message => $"A case can hold at most {Maximum} locations; this paste would bring it to {locations}. Open another case for the rest.";
}

/// <summary>Some victims want no contact at all with the sites: when staff switch checks off, no check is run or recorded.</summary>
public sealed class ChecksRunOnlyWhereStaffAllowThem(bool checksOn) : IBusinessRule
{
    public bool IsBroken() => !checksOn;

    public string Message => "Automatic location checks are switched off for this case.";
}

/// <summary>The minor gate: content that may show a minor is NCMEC's to handle; the desk makes no contact with it.</summary>
public sealed class NoContactWithContentRoutedToNcmec(bool routedToNcmec) : IBusinessRule
{
    public bool IsBroken() => routedToNcmec;

    public string Message => "The case is routed to NCMEC: its locations are not checked by the desk.";
}

/// <summary>A person-specific model incident is reported by its model (name, likeness, page); no other kind describes one.</summary>
public sealed class OnlyModelIncidentsDescribeAModel(IncidentKind kind, bool modelGiven) : IBusinessRule
{
    public bool IsBroken() => (kind == IncidentKind.PersonSpecificModel) != modelGiven;

    public string Message => kind == IncidentKind.PersonSpecificModel
        ? "A person-specific model incident needs the model: its page on the hub, its name and why it depicts this person."
        : "Only a person-specific model incident describes a model.";
}

public sealed class ModelMustBeNamedAndTiedToThePerson(ModelOnHub model) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(model.ModelName) || string.IsNullOrWhiteSpace(model.LikenessReason);

    public string Message => "Give the model's name as the hub shows it and why it depicts this person.";
}

/// <summary>The model page or a mirror starts the model's own depiction, so it cannot already be a copy of something else.</summary>
public sealed class ModelPageMustBeNewToTheCase(bool alreadyRecorded) : IBusinessRule
{
    public bool IsBroken() => alreadyRecorded;

    public string Message => "That URL is already recorded on this case.";
}

public sealed class IncidentMustBelongToTheCase : IBusinessRule
{
    public bool IsBroken() => true;

    public string Message => "That incident does not belong to this case.";
}

public sealed class MirrorsBelongToAModelIncident(Incident incident) : IBusinessRule
{
    public bool IsBroken() => incident.ModelDepictionId is null;

    public string Message => "Only a person-specific model incident has mirrors.";
}

/// <summary>A model report cites the model's own pages: the hub's page or a mirror, nothing else on the case.</summary>
public sealed class ModelReportCitesOnlyTheModelsPages(Incident incident, Location location) : IBusinessRule
{
    public bool IsBroken() => incident.ModelDepictionId != location.DepictionId;

    public string Message => "That location is not the model's page or one of its mirrors.";
}

/// <summary>A report goes to a hub in the directory (its channels and policy); an unknown hub is added to the directory first.</summary>
public sealed class ModelReportGoesToAHubInTheDirectory(Location location) : IBusinessRule
{
    public bool IsBroken() => location.PlatformId is null;

    public string Message => "The directory does not know this hub: add it to the platform directory, then report the model.";
}

public sealed class NoteNeedsText(string text) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(text);

    public string Message => "A note needs some text.";
}

public sealed class TaskNeedsATitle(string title) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(title);

    public string Message => "A task needs a title that says what to do.";
}

public sealed class TaskMustBelongToTheCase(Guid taskCaseId, Guid caseId) : IBusinessRule
{
    public bool IsBroken() => taskCaseId != caseId;

    public string Message => "That task does not belong to this case.";
}

public sealed class TaskGoesToSomeoneWhoSeesTheCase(bool assigneeSeesTheCase) : IBusinessRule
{
    public bool IsBroken() => !assigneeSeesTheCase;

    public string Message => "A task can go to the case's caseworker or a supervisor; that person cannot open this case.";
}

/// <summary>The directory's match comes from the host and is the same for every case; a hand-picked platform fills only a gap in it.</summary>
public sealed class OnlyAnUnmatchedLocationIsAssignedAPlatform(Guid? matchedPlatformId) : IBusinessRule
{
    public bool IsBroken() => matchedPlatformId is not null;

    public string Message => "This location already matched a platform in the directory; only a location with no matched platform can be assigned one.";
}

public sealed class LocationGoesToADirectoryPlatform(bool platformInDirectory) : IBusinessRule
{
    public bool IsBroken() => !platformInDirectory;

    public string Message => "Choose a platform from the directory (add it there first if it is missing).";
}

/// <summary>Who works a case is the caseworker's or a supervisor's call, not a co-worker's.</summary>
public sealed class CoworkersAreChosenByTheCaseworkerOrASupervisor(bool actorMayChoose) : IBusinessRule
{
    public bool IsBroken() => !actorMayChoose;

    public string Message => "Only the case's caseworker or a supervisor can add or remove co-workers.";
}

public sealed class CaseworkerIsNotTheirOwnCoworker(bool isTheCaseworker) : IBusinessRule
{
    public bool IsBroken() => isTheCaseworker;

    public string Message => "That staff member is the case's caseworker already.";
}

public sealed class OnlyACurrentCoworkerIsRemoved(bool isCurrentCoworker) : IBusinessRule
{
    public bool IsBroken() => !isCurrentCoworker;

    public string Message => "That staff member is not a co-worker on this case (any more).";
}
