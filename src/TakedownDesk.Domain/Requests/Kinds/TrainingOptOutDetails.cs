namespace TakedownDesk.Domain.Requests.Kinds;

/// <summary>What the AI service (the request's platform), or one of its datasets, is asked to exclude from training.</summary>
public sealed record TrainingOptOutDetails(string? DatasetName, string? Exclusion)
{
    public TrainingOptOutDetails Trimmed() => new(Text.Trimmed(DatasetName), Text.Trimmed(Exclusion));
}
