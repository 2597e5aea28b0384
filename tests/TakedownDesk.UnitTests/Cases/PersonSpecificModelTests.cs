using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Cases.Rules;
using TakedownDesk.UnitTests.Builders;

namespace TakedownDesk.UnitTests.Cases;

public class PersonSpecificModelTests
{
    private const string ModelPage = "https://civitai.example/models/4242/sparrow-lora";
    private const string MirrorPage = "https://tensor.example/models/77/sparrow";

    private static readonly ModelOnHub Model = new("  Sparrow LoRA v2 ", ["sprw7", " sprw7 ", "sparrowgirl", " "], "  Trained on her public photos; the sample images show her face. ");

    private readonly Scenario s = new();

    private Incident RecordModel(Guid? hubId = null) =>
        s.Case.AddIncident(IncidentKind.PersonSpecificModel, s.Now.AddHours(-1), "Found by a friend", s.Now, Model, Scenario.Candidate(ModelPage, hubId ?? s.PlatformId));

    [Fact]
    public void A_model_incident_records_the_model_trimmed_and_starts_its_own_depiction_with_the_hub_page()
    {
        var incident = RecordModel();

        Assert.Equal("Sparrow LoRA v2", incident.Model!.ModelName);
        Assert.Equal(["sprw7", "sparrowgirl"], incident.Model.TriggerWords);
        Assert.Equal("Trained on her public photos; the sample images show her face.", incident.Model.LikenessReason);
        var page = Assert.Single(s.Case.Locations, l => l.DepictionId == incident.ModelDepictionId);
        Assert.Equal(page.Id, incident.ModelPageLocationId);
        Assert.Equal(ModelPage, page.Url);
        Assert.Equal(s.PlatformId, page.PlatformId);
        Assert.Equal("Model: Sparrow LoRA v2", s.Case.Depictions.Single(d => d.Id == incident.ModelDepictionId).Label);
    }

    [Fact]
    public void The_likeness_statement_a_hub_reads_names_the_trigger_words()
    {
        Assert.Equal(
            "Trained on her public photos; the sample images show her face. Trigger words: sprw7, sparrowgirl.",
            RecordModel().Model!.LikenessStatement());
    }

    [Fact]
    public void A_model_incident_without_its_model_is_refused_and_so_is_a_model_on_another_kind()
    {
        Rule.Broken(nameof(OnlyModelIncidentsDescribeAModel), () => s.Case.AddIncident(IncidentKind.PersonSpecificModel, s.Now, "x", s.Now));
        Rule.Broken(nameof(OnlyModelIncidentsDescribeAModel), () =>
            s.Case.AddIncident(IncidentKind.DigitalForgery, s.Now, "x", s.Now, Model, Scenario.Candidate(ModelPage, null)));
        Assert.Empty(s.Case.Incidents);
    }

    [Theory]
    [InlineData(" ", "reason")]
    [InlineData("name", "  ")]
    public void A_model_needs_its_name_and_why_it_depicts_the_person(string name, string reason) =>
        Rule.Broken(nameof(ModelMustBeNamedAndTiedToThePerson), () =>
            s.Case.AddIncident(IncidentKind.PersonSpecificModel, s.Now, "x", s.Now, new ModelOnHub(name, [], reason), Scenario.Candidate(ModelPage, null)));

    [Fact]
    public void A_model_page_already_on_the_case_is_refused_rather_than_moved()
    {
        Rule.Broken(nameof(ModelPageMustBeNewToTheCase), () =>
            s.Case.AddIncident(IncidentKind.PersonSpecificModel, s.Now, "x", s.Now, Model, Scenario.Candidate(Scenario.PlatformUrls[0], s.PlatformId)));
        Assert.Empty(s.Case.Incidents);
    }

    [Fact]
    public void A_mirror_joins_the_models_depiction_and_is_reported_to_its_own_hub()
    {
        var incident = RecordModel();

        var mirror = s.Case.AddModelMirror(incident.Id, Scenario.Candidate(MirrorPage, s.OtherPlatformId), s.Now);
        var (_, toReport) = s.Case.ModelPageToReport(incident.Id, mirror.Id);

        Assert.Equal(incident.ModelDepictionId, mirror.DepictionId);
        Assert.Equal(s.OtherPlatformId, toReport.PlatformId);
        Assert.Contains(s.Case.PendingCaseEvents, e => e.Kind == "ModelMirrorAdded");
        Rule.Broken(nameof(ModelPageMustBeNewToTheCase), () => s.Case.AddModelMirror(incident.Id, Scenario.Candidate(MirrorPage, s.OtherPlatformId), s.Now));
    }

    [Fact]
    public void Only_a_model_incident_has_mirrors()
    {
        var forgery = s.Case.AddIncident(IncidentKind.DigitalForgery, s.Now, "x", s.Now);

        Rule.Broken(nameof(MirrorsBelongToAModelIncident), () => s.Case.AddModelMirror(forgery.Id, Scenario.Candidate(MirrorPage, null), s.Now));
        Rule.Broken(nameof(IncidentMustBelongToTheCase), () => s.Case.AddModelMirror(Guid.NewGuid(), Scenario.Candidate(MirrorPage, null), s.Now));
    }

    [Fact]
    public void A_model_report_cites_only_the_models_pages_and_needs_a_hub_the_directory_knows()
    {
        var incident = RecordModel();
        var unknownHubMirror = s.Case.AddModelMirror(incident.Id, Scenario.Candidate(MirrorPage, null), s.Now);

        Rule.Broken(nameof(ModelReportCitesOnlyTheModelsPages), () => s.Case.ModelPageToReport(incident.Id, s.PlatformLocations[0].Id));
        Rule.Broken(nameof(ModelReportGoesToAHubInTheDirectory), () => s.Case.ModelPageToReport(incident.Id, unknownHubMirror.Id));
    }
}
