using TakedownDesk.Domain.Common;

namespace TakedownDesk.Domain.Cases;

/// <summary>
/// One image or video. Its locations are known identical copies; crops, edits and new AI generations are
/// other depictions, so that a follow-up can cite every copy of each.
/// </summary>
public sealed class Depiction : Entity
{
    private Depiction()
    {
        Label = string.Empty;
    }

    internal Depiction(string label)
    {
        Id = Guid.NewGuid();
        Label = label;
    }

    public string Label { get; private set; }
}
