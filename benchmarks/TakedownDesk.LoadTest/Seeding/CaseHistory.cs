using System.Globalization;
using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Platforms;
using TakedownDesk.Domain.Requests;
using TakedownDesk.Domain.Victims;

namespace TakedownDesk.LoadTest.Seeding;

/// <summary>Where a seeded removal request stands today; the weights are what a helpline's database looks like after 18 months.</summary>
public enum SeededState
{
    Resolved,
    ValidityDisputed,
    Overdue,
    DueSoon,
    ReadyDraft,
}

/// <summary>A platform requests can go to: one of its domains for the URLs and its designated Take It Down channel.</summary>
public sealed record SeedPlatform(Guid Id, string Domain, ChannelKind Channel, string? ChannelTarget, Coverage Coverage);

/// <summary>
/// One case's history written through the domain, with the timestamps it would have had: the victim and release, the
/// incident, the locations, and each request drafted, completed and submitted when it was. Closing moves (outcomes,
/// disputes, overdue) come after the first save, so the escalation steps the submission planned exist to be cancelled.
/// </summary>
public sealed class CaseHistory
{
    /// <summary>A path segment no real URL has, so a test can find seeded locations on a decrypted case page.</summary>
    public const string UrlMarker = "load-seed";

    public const string IncidentDescription = "Seeded for the load test: content found by the victim on several platforms.";

    private static readonly (SeededState State, double Weight)[] StateWeights =
    [
        (SeededState.Resolved, 0.90),
        (SeededState.ValidityDisputed, 0.02),
        (SeededState.Overdue, 0.02),
        (SeededState.DueSoon, 0.01),
        (SeededState.ReadyDraft, 0.05),
    ];

    /// <summary>A release may run for a year at most; today's work therefore goes to cases younger than that.</summary>
    private const int ReleaseDays = 360;

    private readonly List<(RemovalRequest Request, SeededState State, DateTime SubmittedAtUtc)> requests = [];

    private CaseHistory(Victim victim, Case @case)
    {
        Victim = victim;
        Case = @case;
    }

    public Victim Victim { get; }

    public Case Case { get; }

    public IEnumerable<RemovalRequest> Requests => requests.Select(r => r.Request);

    public IEnumerable<Guid> ReadyDraftIds => requests.Where(r => r.State == SeededState.ReadyDraft).Select(r => r.Request.Id);

    public static CaseHistory Open(int caseNumber, CaseReference reference, string staffId, DateTime openedAtUtc, Random random)
    {
        var victim = new Victim(
            string.Create(CultureInfo.InvariantCulture, $"Seeded victim {caseNumber}"),
            new ConfidentialDetails(string.Create(CultureInfo.InvariantCulture, $"Seeded Person {caseNumber}"), null, "en", null),
            mayHaveBeenMinorWhenDepicted: false,
            openedAtUtc);
        victim.AddContactChannel(ContactChannelKind.Email, string.Create(CultureInfo.InvariantCulture, $"victim{caseNumber}@example.invalid"), true, null);
        victim.RecordRelease(
            victim.Details.LegalName!,
            SignerCapacity.Victim,
            SignatureMethod.Electronic,
            openedAtUtc,
            openedAtUtc.AddDays(ReleaseDays),
            ReleaseScope.ForAllPlatforms(DisclosableDetails.LegalName | DisclosableDetails.Email | DisclosableDetails.Signature),
            openedAtUtc);
        var @case = new Case(reference, victim.Id, staffId, victimMayHaveBeenMinor: false, openedAtUtc);
        @case.AddIncident(
            random.Next(4) == 0 ? IncidentKind.DigitalForgery : IncidentKind.AuthenticIntimateDepiction,
            openedAtUtc.AddDays(-random.Next(1, 10)),
            IncidentDescription,
            openedAtUtc);
        return new CaseHistory(victim, @case);
    }

    /// <summary>Drafts a statutory request for one to three new URLs on the platform and takes it as far as its state says, short of closing it.</summary>
    public void AddRequest(SeedPlatform platform, DateTime nowUtc, Random random)
    {
        var opened = Case.OpenedAtUtc;
        var state = PickState(random);
        if (state is not (SeededState.Resolved or SeededState.ValidityDisputed) && opened < nowUtc.AddDays(-ReleaseDays + 15))
        {
            state = SeededState.Resolved;
        }

        var submittedAt = state switch
        {
            SeededState.Overdue => nowUtc.AddHours(-49 - random.Next(0, 240)),
            SeededState.DueSoon => nowUtc.AddMinutes(-random.Next(1, 47 * 60)),
            SeededState.ReadyDraft => nowUtc.AddHours(-random.Next(0, 120)),
            _ => opened.AddHours(1 + random.Next(0, 24 * 30)),
        };

        // A request cannot be older than its case; a young case turns the rest into resolved or draft work.
        if (submittedAt < opened.AddHours(1) || (state is SeededState.Resolved or SeededState.ValidityDisputed && submittedAt > nowUtc.AddHours(-48)))
        {
            state = state == SeededState.Resolved && opened < nowUtc.AddHours(-50) ? SeededState.Resolved : SeededState.ReadyDraft;
            submittedAt = state == SeededState.Resolved ? opened.AddHours(1) : nowUtc;
        }

        var draftedAt = state == SeededState.ReadyDraft ? Later(opened, nowUtc.AddHours(-random.Next(0, 120))) : submittedAt.AddMinutes(-30);
        var urls = Enumerable.Range(0, 1 + random.Next(3))
            .Select(_ => new CandidateLocation(
                NormalizedUrl.Create(string.Create(CultureInfo.InvariantCulture, $"https://{platform.Domain}/{UrlMarker}/{Guid.NewGuid():N}")),
                platform.Id))
            .ToList();
        var depiction = Case.Depictions.Count > 0 && random.Next(2) == 0 ? Case.Depictions[random.Next(Case.Depictions.Count)].Id : (Guid?)null;
        var added = Case.AddLocations(urls, depiction, depiction is null ? "Seeded depiction" : null, draftedAt);

        var reference = string.Create(CultureInfo.InvariantCulture, $"{Case.Reference}-R{requests.Count + 1}");
        var request = RemovalRequest.Draft(Case, reference, platform.Id, RequestKind.StatutoryRemoval, added.Added.Select(l => l.Id).ToList(), Victim, draftedAt);
        request.CompleteElements(
            new SignatureBlock(Victim.Details.LegalName!, RequesterCapacity.AuthorizedPerson, "Signed release on file", draftedAt),
            "I have a good-faith belief that this intimate visual depiction was published without consent.",
            "Seeded request.",
            new RequesterContact("Helpline caseworker", "Seeded helpline", "caseworker@helpline.example", null, null));
        if (state != SeededState.ReadyDraft)
        {
            request.Submit(
                new Submission(platform.Channel, platform.ChannelTarget, "The platform's Take It Down channel.", submittedAt, Case.AssignedStaffId, null, null, null),
                Victim,
                platform.Coverage,
                submittedAt);
            if (random.Next(3) > 0 && submittedAt.AddHours(2) < nowUtc)
            {
                request.RecordAcknowledgment(string.Create(CultureInfo.InvariantCulture, $"P-{random.Next():D9}"), submittedAt.AddHours(2), submittedAt.AddHours(2));
            }
        }

        requests.Add((request, state, submittedAt));
    }

    /// <summary>The moves that happened after submission; returns when each closed request closed, for its escalation steps.</summary>
    public IEnumerable<(Guid RequestId, DateTime ClosedAtUtc)> Settle(DateTime nowUtc, Random random)
    {
        foreach (var (request, state, submittedAt) in requests)
        {
            switch (state)
            {
                case SeededState.Resolved:
                    var resolvedAt = Earlier(submittedAt.AddHours(random.Next(3, 44)), nowUtc);
                    foreach (var item in request.Items)
                    {
                        request.RecordOutcome(item.LocationId, random.Next(20) == 0 ? LocationOutcome.NotRemoved : LocationOutcome.Removed, resolvedAt, resolvedAt);
                    }

                    yield return (request.Id, resolvedAt);
                    break;
                case SeededState.ValidityDisputed:
                    var disputedAt = submittedAt.AddHours(5);
                    request.DisputeValidity("The platform asked for the account name of the uploader.", disputedAt);
                    yield return (request.Id, disputedAt);
                    break;
                case SeededState.Overdue when request.DeadlineAtUtc is { } deadline:
                    request.MarkOverdue(deadline.AddMinutes(1));
                    break;
            }
        }
    }

    private static SeededState PickState(Random random)
    {
        var roll = random.NextDouble();
        foreach (var (state, weight) in StateWeights)
        {
            if (roll < weight)
            {
                return state;
            }

            roll -= weight;
        }

        return SeededState.Resolved;
    }

    private static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;

    private static DateTime Earlier(DateTime a, DateTime b) => a < b ? a : b;
}
