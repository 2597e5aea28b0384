using Mediator;
using TakedownDesk.Application.Common;
using TakedownDesk.Application.Features.Cases;
using TakedownDesk.Application.Features.Casework;
using TakedownDesk.Application.Features.Incidents;
using TakedownDesk.Application.Features.LocationChecks;
using TakedownDesk.Application.Features.Locations;
using TakedownDesk.Application.Features.Victims;
using TakedownDesk.Domain.Cases;

namespace TakedownDesk.Web.Api.Cases;

/// <summary>Cases, their victim's releases, incidents and locations. Object-level access is the Application layer's: another caseworker's case is 404.</summary>
public static class CaseEndpoints
{
    public static void MapCaseEndpoints(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases").WithTags("Cases");

        cases.MapGet("/", async ([AsParameters] ListCasesQuery query, ISender mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(query, ct)));

        cases.MapGet("/{caseId:guid}", async (Guid caseId, int? locationsPage, ISender mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetCaseDetailQuery(caseId, locationsPage ?? 1), ct)));

        cases.MapPost("/", async (OpenCaseCommand command, ISender mediator, CancellationToken ct) =>
        {
            var result = await mediator.Send(command, ct);
            return TypedResults.Created($"/api/v1/cases/{result.CaseId}", result);
        });

        cases.MapGet("/{caseId:guid}/confidential", async (Guid caseId, ISender mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetConfidentialDetailsQuery(caseId), ct)));

        // The person's details replace the old ones as a whole (the contact list too), so this is a PUT.
        cases.MapPut("/{caseId:guid}/victim", async (Guid caseId, VictimBody body, ISender mediator, CancellationToken ct) =>
        {
            await mediator.Send(new EditVictimDetailsCommand(
                caseId, body.Pseudonym ?? string.Empty, body.LegalName, body.DateOfBirth, body.PreferredLanguage, body.Notes, body.ContactChannels, body.ExpectedConcurrencyStamp), ct);
            return TypedResults.NoContent();
        });

        cases.MapPost("/{caseId:guid}/coworkers", async (Guid caseId, CoworkerBody body, ISender mediator, CancellationToken ct) =>
        {
            await mediator.Send(new AddCoworkerCommand(caseId, body.StaffId ?? string.Empty), ct);
            return TypedResults.NoContent();
        });

        cases.MapDelete("/{caseId:guid}/coworkers/{staffId}", async (Guid caseId, string staffId, ISender mediator, CancellationToken ct) =>
        {
            await mediator.Send(new RemoveCoworkerCommand(caseId, staffId), ct);
            return TypedResults.NoContent();
        });

        cases.MapPost("/{caseId:guid}/status", async (Guid caseId, StatusChangeBody body, ISender mediator, CancellationToken ct) =>
        {
            await mediator.Send(new ChangeCaseStatusCommand(caseId, body.Change, body.ExpectedConcurrencyStamp), ct);
            return TypedResults.NoContent();
        });

        cases.MapPost("/{caseId:guid}/assignment", async (Guid caseId, AssignBody body, ISender mediator, CancellationToken ct) =>
        {
            await mediator.Send(new AssignCaseCommand(caseId, body.StaffId, body.ExpectedConcurrencyStamp), ct);
            return TypedResults.NoContent();
        });

        // A release and an incident are read as part of their case, which is where Location points.
        cases.MapPost("/{caseId:guid}/releases", async (Guid caseId, ReleaseInput release, ISender mediator, CancellationToken ct) =>
            TypedResults.Created($"/api/v1/cases/{caseId}", new CreatedId(await mediator.Send(new RecordReleaseCommand(caseId, release), ct))));

        cases.MapPost("/{caseId:guid}/releases/{releaseId:guid}/revocation", async (Guid caseId, Guid releaseId, ReasonBody body, ISender mediator, CancellationToken ct) =>
        {
            await mediator.Send(new RevokeReleaseCommand(caseId, releaseId, body.Reason), ct);
            return TypedResults.NoContent();
        });

        cases.MapPost("/{caseId:guid}/incidents", async (Guid caseId, IncidentInput incident, ISender mediator, CancellationToken ct) =>
            TypedResults.Created($"/api/v1/cases/{caseId}", new CreatedId(await mediator.Send(new AddIncidentCommand(caseId, incident), ct))));

        cases.MapPost("/{caseId:guid}/incidents/{incidentId:guid}/mirrors", async (Guid caseId, Guid incidentId, MirrorBody body, ISender mediator, CancellationToken ct) =>
            TypedResults.Created($"/api/v1/cases/{caseId}", new CreatedId(await mediator.Send(new AddModelMirrorCommand(caseId, incidentId, body.Url), ct))));

        cases.MapPost("/{caseId:guid}/incidents/{incidentId:guid}/model-reports", async (Guid caseId, Guid incidentId, ModelReportBody body, ISender mediator, CancellationToken ct) =>
        {
            var drafted = await mediator.Send(new ReportModelPageCommand(caseId, incidentId, body.LocationId), ct);
            return TypedResults.Created($"/api/v1/requests/{drafted.RequestId}", drafted);
        });

        cases.MapPost("/{caseId:guid}/locations", async (Guid caseId, PasteBody body, ISender mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new AddLocationsCommand(caseId, body.PastedUrls, body.DepictionId, body.NewDepictionLabel), ct)));

        cases.MapPost("/{caseId:guid}/locations/{locationId:guid}/status", async (Guid caseId, Guid locationId, LocationStatusBody body, ISender mediator, CancellationToken ct) =>
        {
            await mediator.Send(new ChangeLocationStatusCommand(caseId, locationId, body.Status, body.Reason), ct);
            return TypedResults.NoContent();
        });

        cases.MapPost("/{caseId:guid}/locations/{locationId:guid}/platform", async (Guid caseId, Guid locationId, LocationPlatformBody body, ISender mediator, CancellationToken ct) =>
        {
            await mediator.Send(new AssignLocationToPlatformCommand(caseId, locationId, body.PlatformId), ct);
            return TypedResults.NoContent();
        });

        cases.MapPost("/{caseId:guid}/location-checks", async (Guid caseId, LocationChecksBody body, ISender mediator, CancellationToken ct) =>
        {
            if (body.On is not { } on)
            {
                throw new RequestValidationException(new Dictionary<string, string[]> { ["On"] = ["'On' must be true or false."] });
            }

            await mediator.Send(new SwitchLocationChecksCommand(caseId, on), ct);
            return TypedResults.NoContent();
        });

        cases.MapPost("/{caseId:guid}/possible-minor", async (Guid caseId, PossibleMinorBody body, ISender mediator, CancellationToken ct) =>
        {
            await mediator.Send(new MarkPossibleMinorCommand(caseId, body.PossibleMinor), ct);
            return TypedResults.NoContent();
        });

        cases.MapPost("/{caseId:guid}/notes", async (Guid caseId, NoteBody body, ISender mediator, CancellationToken ct) =>
            TypedResults.Created($"/api/v1/cases/{caseId}", new CreatedId(await mediator.Send(new WriteCaseNoteCommand(caseId, body.Text ?? string.Empty), ct))));

        cases.MapPost("/{caseId:guid}/tasks", async (Guid caseId, TaskBody body, ISender mediator, CancellationToken ct) =>
            TypedResults.Created($"/api/v1/cases/{caseId}", new CreatedId(await mediator.Send(new AddCaseTaskCommand(caseId, body.Title ?? string.Empty, body.DueAt ?? default, body.AssigneeId), ct))));

        cases.MapPost("/{caseId:guid}/tasks/{taskId:guid}/done", async (Guid caseId, Guid taskId, TaskDoneBody body, ISender mediator, CancellationToken ct) =>
        {
            await mediator.Send(new MarkCaseTaskDoneCommand(caseId, taskId, body.Done), ct);
            return TypedResults.NoContent();
        });
    }

    public sealed record MirrorBody(string Url);

    public sealed record CoworkerBody(string? StaffId);

    public sealed record LocationPlatformBody(Guid PlatformId);

    public sealed record VictimBody(
        string? Pseudonym, string? LegalName, DateOnly? DateOfBirth, string? PreferredLanguage, string? Notes,
        IReadOnlyList<ContactChannelInput>? ContactChannels, Guid? ExpectedConcurrencyStamp);

    /// <summary>Which of the model's pages (its hub page or a mirror) to report to that page's hub.</summary>
    public sealed record ModelReportBody(Guid LocationId);

    public sealed record StatusChangeBody(CaseStatusChange Change, Guid? ExpectedConcurrencyStamp);

    public sealed record AssignBody(string StaffId, Guid? ExpectedConcurrencyStamp);

    public sealed record ReasonBody(string? Reason);

    public sealed record PasteBody(string PastedUrls, Guid? DepictionId, string? NewDepictionLabel);

    public sealed record LocationStatusBody(LocationStatus Status, string Reason);

    /// <summary>True flags the person as a possible minor when depicted (the case routes to NCMEC); false is refused: the flag stays.</summary>
    public sealed record PossibleMinorBody(bool PossibleMinor);

    public sealed record NoteBody(string? Text);

    /// <summary>DueAt: an instant with its offset (e.g. 2026-06-01T17:00:00-04:00); AssigneeId: none means the case's caseworker.</summary>
    public sealed record TaskBody(string? Title, DateTimeOffset? DueAt, string? AssigneeId);

    public sealed record TaskDoneBody(bool Done);

    /// <summary>Whether the desk checks the case's locations itself; required, so an empty body never switches them off.</summary>
    public sealed record LocationChecksBody(bool? On);
}

public sealed record CreatedId(Guid Id);
