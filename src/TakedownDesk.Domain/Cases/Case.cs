using TakedownDesk.Domain.Cases.Rules;
using TakedownDesk.Domain.Common;

namespace TakedownDesk.Domain.Cases;

/// <summary>The work done for one victim: incidents, the locations of the content, and their status.</summary>
public sealed class Case : AggregateRoot
{
    private readonly List<Incident> incidents = [];
    private readonly List<Depiction> depictions = [];
    private readonly List<Location> locations = [];
    private readonly List<CaseCoworker> coworkers = [];

    private Case()
    {
        Reference = string.Empty;
        AssignedStaffId = string.Empty;
    }

    public Case(CaseReference reference, Guid victimId, string assignedStaffId, bool victimMayHaveBeenMinor, DateTime nowUtc)
    {
        CheckRule(new CaseMustBeAssigned(assignedStaffId));
        Id = Guid.NewGuid();
        Reference = reference.ToString();
        ReferenceYear = reference.Year;
        ReferenceNumber = reference.Number;
        VictimId = victimId;
        AssignedStaffId = assignedStaffId;
        Status = CaseStatus.Open;
        OpenedAtUtc = Utc.Require(nowUtc);
        RoutedToNcmec = victimMayHaveBeenMinor;
        LocationChecksOn = true;
        Record(Id, "CaseOpened", $"Case {Reference} opened", nowUtc);
        if (RoutedToNcmec)
        {
            Record(Id, "RoutedToNcmec", "Possible minor: case routed to NCMEC, image handling blocked", nowUtc);
        }
    }

    public string Reference { get; private set; }

    public int ReferenceYear { get; private set; }

    public int ReferenceNumber { get; private set; }

    public Guid VictimId { get; private set; }

    public CaseStatus Status { get; private set; }

    public string AssignedStaffId { get; private set; }

    public DateTime OpenedAtUtc { get; private set; }

    public DateTime? ClosedAtUtc { get; private set; }

    /// <summary>The minor gate: the case routes to NCMEC and holds no image data (not even hashes).</summary>
    public bool RoutedToNcmec { get; private set; }

    /// <summary>A legal hold pauses retention: the case and its victim are not purged while it is set.</summary>
    public bool LegalHold { get; private set; }

    /// <summary>Whether the desk checks this case's locations by itself; staff switch it off when the victim wants no contact with the sites.</summary>
    public bool LocationChecksOn { get; private set; }

    public IReadOnlyList<Incident> Incidents => incidents;

    public IReadOnlyList<Depiction> Depictions => depictions;

    public IReadOnlyList<Location> Locations => locations;

    /// <summary>Everyone who works or worked the case beside its caseworker, with until when; see <see cref="CanBeOpenedBy"/>.</summary>
    public IReadOnlyList<CaseCoworker> Coworkers => coworkers;

    /// <summary>
    /// Records what happened. A person-specific model incident also names its model and its page on the hub, which
    /// starts the model's own depiction: mirrors found later become its other locations.
    /// </summary>
    public Incident AddIncident(IncidentKind kind, DateTime discoveredAtUtc, string description, DateTime nowUtc, ModelOnHub? model = null, CandidateLocation? modelPage = null)
    {
        CheckRule(new ClosedCaseCannotBeChanged(Status));
        CheckRule(new IncidentCannotBeDiscoveredInTheFuture(discoveredAtUtc, nowUtc));
        CheckRule(new OnlyModelIncidentsDescribeAModel(kind, model is not null && modelPage is not null));
        Location? page = null;
        if (model is not null && modelPage is not null)
        {
            model = model.Trimmed();
            CheckRule(new ModelMustBeNamedAndTiedToThePerson(model));
            CheckRule(new ModelPageMustBeNewToTheCase(HoldsUrl(modelPage.Url)));
            page = AddLocations([modelPage], NewDepiction($"Model: {model.ModelName}").Id, null, nowUtc).Added[0];
        }

        var incident = new Incident(kind, discoveredAtUtc, description, nowUtc, model, page);
        incidents.Add(incident);
        Record(Id, "IncidentRecorded", $"Incident recorded: {kind}", nowUtc);
        return incident;
    }

    /// <summary>A copy of the model found later on another hub: one more location of the model's depiction.</summary>
    public Location AddModelMirror(Guid incidentId, CandidateLocation mirror, DateTime nowUtc)
    {
        var incident = FindIncident(incidentId);
        CheckRule(new MirrorsBelongToAModelIncident(incident));
        CheckRule(new ModelPageMustBeNewToTheCase(HoldsUrl(mirror.Url)));
        var added = AddLocations([mirror], incident.ModelDepictionId, null, nowUtc).Added[0];
        Record(Id, "ModelMirrorAdded", "A mirror of the model was found on another hub", nowUtc);
        return added;
    }

    /// <summary>The model page or mirror a model report is to cite, with the incident that names the model.</summary>
    public (Incident Incident, Location Location) ModelPageToReport(Guid incidentId, Guid locationId)
    {
        var incident = FindIncident(incidentId);
        CheckRule(new MirrorsBelongToAModelIncident(incident));
        var location = FindLocation(locationId);
        CheckRule(new ModelReportCitesOnlyTheModelsPages(incident, location));
        CheckRule(new ModelReportGoesToAHubInTheDirectory(location));
        return (incident, location);
    }

    /// <summary>
    /// Adds pasted locations as copies of one depiction (a new one unless <paramref name="depictionId"/> names one),
    /// skipping any URL the case already holds.
    /// </summary>
    public AddedLocations AddLocations(IReadOnlyList<CandidateLocation> candidates, Guid? depictionId, string? newDepictionLabel, DateTime nowUtc)
    {
        CheckRule(new ClosedCaseCannotBeChanged(Status));
        var added = new List<Location>();
        var already = new List<Location>();
        Depiction? depiction = null;
        foreach (var candidate in candidates)
        {
            var existing = locations.Find(l => l.UrlKey == candidate.Url.Key) ?? added.Find(l => l.UrlKey == candidate.Url.Key);
            if (existing is not null)
            {
                already.Add(existing);
                continue;
            }

            depiction ??= depictionId is { } id ? FindDepiction(id) : NewDepiction(newDepictionLabel);
            var location = new Location(candidate.Url, VictimId, candidate.PlatformId, depiction.Id, nowUtc);
            added.Add(location);
        }

        CheckRule(new CasesHoldAFewThousandLocationsAtMost(locations.Count + added.Count));
        locations.AddRange(added);
        if (added.Count > 0)
        {
            Record(Id, "LocationsAdded", $"{added.Count} location(s) added to a depiction", nowUtc);
        }

        return new AddedLocations(added, already);
    }

    public void MoveLocationToDepiction(Guid locationId, Guid depictionId)
    {
        CheckRule(new ClosedCaseCannotBeChanged(Status));
        FindLocation(locationId).MoveTo(FindDepiction(depictionId).Id);
    }

    /// <summary>
    /// Staff name the platform of a location whose host matched no directory entry; from then on it groups and is
    /// drafted like any other. A matched location keeps the directory's answer.
    /// </summary>
    public void AssignLocationToPlatform(Guid locationId, Guid platformId, DateTime nowUtc)
    {
        CheckRule(new ClosedCaseCannotBeChanged(Status));
        var location = FindLocation(locationId);
        CheckRule(new OnlyAnUnmatchedLocationIsAssignedAPlatform(location.PlatformId));
        location.AssignPlatform(platformId);
        Record(Id, "LocationPlatformAssigned", "A location with no matched platform was assigned to one by hand", nowUtc);
    }

    public void ChangeLocationStatus(Guid locationId, LocationStatus status, string reason, DateTime nowUtc)
    {
        var location = FindLocation(locationId);
        var before = location.Status;
        location.ChangeStatus(status, reason, nowUtc);
        if (before != location.Status)
        {
            Record(Id, "LocationStatusChanged", $"A location changed from {before} to {status}", nowUtc);
        }
    }

    public void SwitchLocationChecks(bool on, DateTime nowUtc)
    {
        if (LocationChecksOn == on)
        {
            return;
        }

        LocationChecksOn = on;
        Record(Id, on ? "LocationChecksOn" : "LocationChecksOff", on ? "Automatic location checks switched on" : "Automatic location checks switched off", nowUtc);
    }

    /// <summary>
    /// Records one automatic check of a location and what it means: online, a removal confirmed by consecutive 404/410
    /// answers, or a confirmed removal that came back (the case is reopened and staff are alerted through the fact).
    /// </summary>
    public LocationCheck RecordCheck(Guid locationId, LocationCheckAnswer answer, int? statusCode, string? finalUrl, DateTime checkedAtUtc, LocationCheckSchedule schedule)
    {
        CheckRule(new ChecksRunOnlyWhereStaffAllowThem(LocationChecksOn));
        CheckRule(new NoContactWithContentRoutedToNcmec(RoutedToNcmec));
        CheckRule(new ClosedCaseCannotBeChanged(Status));
        var location = FindLocation(locationId);
        var check = new LocationCheck(location, Id, answer, statusCode, finalUrl, checkedAtUtc);
        switch (location.ApplyCheck(answer, statusCode, checkedAtUtc, schedule))
        {
            case LocationCheckOutcome.FoundOnline:
                Record(Id, "LocationFoundOnline", "An automatic check found a location online", checkedAtUtc);
                break;
            case LocationCheckOutcome.RemovalConfirmed:
                Record(Id, "LocationRemovalConfirmed", $"A location's removal was confirmed: {RemovalHolds.GoneAnswersToConfirm} checks in a row answered 404/410", checkedAtUtc);
                break;
            case LocationCheckOutcome.Reappeared:
                Record(Id, "LocationReappeared", "A location whose removal was confirmed is online again", checkedAtUtc);
                if (Status == CaseStatus.Monitoring)
                {
                    Status = CaseStatus.Reopened;
                    Record(Id, "CaseReopened", "Case reopened: a removed location is online again", checkedAtUtc);
                }

                Raise(new LocationReappeared(Id, locationId, check.Id, checkedAtUtc));
                break;
        }

        if (answer == LocationCheckAnswer.Online)
        {
            Raise(new LocationSeenOnline(Id, locationId, check.Id, checkedAtUtc));
        }

        return check;
    }

    public void RecordContentHash(Guid locationId, string hash, DateTime nowUtc)
    {
        CheckRule(new NoImageDataForPossibleMinors(RoutedToNcmec));
        CheckRule(new ContentHashMustBeGiven(hash));
        FindLocation(locationId).RecordContentHash(hash);
        Record(Id, "ContentHashRecorded", "A content hash computed elsewhere was recorded for a location", nowUtc);
    }

    public void RouteToNcmec(DateTime nowUtc)
    {
        if (RoutedToNcmec)
        {
            return;
        }

        RoutedToNcmec = true;
        foreach (var location in locations)
        {
            location.ClearContentHash();
        }

        Record(Id, "RoutedToNcmec", "Possible minor: case routed to NCMEC, image data removed and blocked", nowUtc);
    }

    /// <summary>
    /// Hands the case to another caseworker. The previous one stays a co-worker for <paramref name="handoverGrace"/>, so that a
    /// handover does not cut them off mid-call; the new one's co-worker row, if any, ends (they are the caseworker now).
    /// </summary>
    public void Assign(string staffId, string assignedBy, DateTime nowUtc, TimeSpan handoverGrace)
    {
        CheckRule(new CaseMustBeAssigned(staffId));
        var previous = AssignedStaffId;
        AssignedStaffId = staffId;
        ActiveCoworker(staffId, nowUtc)?.EndAt(nowUtc);
        Record(Id, "CaseAssigned", "Case reassigned", nowUtc);
        if (previous == staffId || handoverGrace <= TimeSpan.Zero)
        {
            return;
        }

        var grace = new CaseCoworker(Id, previous, assignedBy, CoworkerReason.Handover, nowUtc, nowUtc + handoverGrace);
        coworkers.Add(grace);
        Record(Id, "HandoverGraceStarted", $"The previous caseworker keeps access as a co-worker until {grace.EndsAtUtc:yyyy-MM-dd HH:mm} UTC", nowUtc);
    }

    /// <summary>The caseworker or a supervisor (<paramref name="actorSeesAllCases"/>) adds a co-worker, who works the case until removed.</summary>
    public CaseCoworker AddCoworker(string staffId, string actorId, bool actorSeesAllCases, DateTime nowUtc)
    {
        CheckRule(new CoworkersAreChosenByTheCaseworkerOrASupervisor(actorId == AssignedStaffId || actorSeesAllCases));
        CheckRule(new CaseworkerIsNotTheirOwnCoworker(staffId == AssignedStaffId));
        Record(Id, "CoworkerAdded", "A co-worker was added", nowUtc);
        if (ActiveCoworker(staffId, nowUtc) is { } already)
        {
            already.KeepUntilRemoved();
            return already;
        }

        var coworker = new CaseCoworker(Id, staffId, actorId, CoworkerReason.Added, nowUtc, null);
        coworkers.Add(coworker);
        return coworker;
    }

    public void RemoveCoworker(string staffId, string actorId, bool actorSeesAllCases, DateTime nowUtc)
    {
        CheckRule(new CoworkersAreChosenByTheCaseworkerOrASupervisor(actorId == AssignedStaffId || actorSeesAllCases));
        var coworker = ActiveCoworker(staffId, nowUtc);
        CheckRule(new OnlyACurrentCoworkerIsRemoved(coworker is not null));
        coworker!.EndAt(nowUtc);
        Record(Id, "CoworkerRemoved", "A co-worker was removed: their access ended", nowUtc);
    }

    /// <summary>The caseworker and the current co-workers open the case; supervisors open every case (checked where staff are known).</summary>
    public bool CanBeOpenedBy(string staffId, DateTime instantUtc) => staffId == AssignedStaffId || ActiveCoworker(staffId, instantUtc) is not null;

    private CaseCoworker? ActiveCoworker(string staffId, DateTime instantUtc) =>
        coworkers.Find(c => c.StaffId == staffId && c.IsActiveAt(instantUtc));

    /// <summary>Notes are kept on closed cases too (what happened after closing is worth writing down); the timeline never holds the text.</summary>
    public CaseNote WriteNote(string authorId, string text, DateTime nowUtc)
    {
        var note = new CaseNote(Id, VictimId, authorId, text, nowUtc);
        Record(Id, "NoteWritten", "A note was written", nowUtc);
        return note;
    }

    /// <summary>
    /// A task goes to the case's caseworker unless someone else is named, who must be able to open the case
    /// (<paramref name="assigneeSeesAllCases"/>); the timeline names its due date, never its title.
    /// </summary>
    public CaseTask AddTask(string title, DateTime dueAtUtc, string? assigneeId, bool assigneeSeesAllCases, DateTime nowUtc)
    {
        CheckRule(new ClosedCaseCannotBeChanged(Status));
        var assignee = string.IsNullOrWhiteSpace(assigneeId) ? AssignedStaffId : assigneeId;
        CheckRule(new TaskGoesToSomeoneWhoSeesTheCase(CanBeOpenedBy(assignee, nowUtc) || assigneeSeesAllCases));
        var task = new CaseTask(Id, VictimId, title, dueAtUtc, assignee, nowUtc);
        Record(Id, "TaskAdded", $"A task was added, due {task.DueAtUtc:yyyy-MM-dd HH:mm} UTC", nowUtc);
        return task;
    }

    public void MarkTaskDone(CaseTask task, bool done, DateTime nowUtc)
    {
        CheckRule(new TaskMustBelongToTheCase(task.CaseId, Id));
        if (task.MarkDone(done, nowUtc))
        {
            Record(Id, done ? "TaskDone" : "TaskReopened", done ? "A task was marked done" : "A task was marked not done", nowUtc);
        }
    }

    public void NoteReleaseRecorded(DateTime nowUtc) => Record(Id, "ReleaseRecorded", "A signed release was recorded", nowUtc);

    public void NoteReleaseRevoked(DateTime nowUtc) => Record(Id, "ReleaseRevoked", "A release was revoked", nowUtc);

    /// <summary>The timeline says that the person's details changed, never what they are.</summary>
    public void NoteVictimDetailsEdited(int contactChannels, DateTime nowUtc) =>
        Record(Id, "VictimDetailsEdited", $"The person's details were edited ({contactChannels} contact channel(s))", nowUtc);

    public void StartMonitoring(DateTime nowUtc)
    {
        CheckRule(new CaseStatusMustAllow(Status, "monitor", CaseStatus.Open, CaseStatus.Reopened));
        Status = CaseStatus.Monitoring;
        Record(Id, "CaseMonitoring", "Case moved to monitoring", nowUtc);
    }

    public void Close(DateTime nowUtc)
    {
        CheckRule(new CaseStatusMustAllow(Status, "close", CaseStatus.Open, CaseStatus.Monitoring, CaseStatus.Reopened));
        Status = CaseStatus.Closed;
        ClosedAtUtc = nowUtc;
        Record(Id, "CaseClosed", "Case closed", nowUtc);
    }

    public void Reopen(DateTime nowUtc)
    {
        CheckRule(new CaseStatusMustAllow(Status, "reopen", CaseStatus.Closed));
        Status = CaseStatus.Reopened;
        ClosedAtUtc = null;
        Record(Id, "CaseReopened", "Case reopened", nowUtc);
    }

    public void SetLegalHold(bool onHold, DateTime nowUtc)
    {
        if (LegalHold == onHold)
        {
            return;
        }

        LegalHold = onHold;
        Record(Id, onHold ? "LegalHoldSet" : "LegalHoldLifted", onHold ? "Legal hold set: retention paused" : "Legal hold lifted", nowUtc);
    }

    public Location FindLocation(Guid locationId) =>
        locations.Find(l => l.Id == locationId) ?? throw new BusinessRuleViolationException(new LocationMustBelongToTheCase());

    private Incident FindIncident(Guid incidentId) =>
        incidents.Find(i => i.Id == incidentId) ?? throw new BusinessRuleViolationException(new IncidentMustBelongToTheCase());

    private bool HoldsUrl(NormalizedUrl url) => locations.Exists(l => l.UrlKey == url.Key);

    private Depiction FindDepiction(Guid depictionId) =>
        depictions.Find(d => d.Id == depictionId) ?? throw new BusinessRuleViolationException(new DepictionMustBelongToTheCase());

    private Depiction NewDepiction(string? label)
    {
        var depiction = new Depiction(string.IsNullOrWhiteSpace(label) ? $"Depiction {depictions.Count + 1}" : label.Trim());
        depictions.Add(depiction);
        return depiction;
    }
}
