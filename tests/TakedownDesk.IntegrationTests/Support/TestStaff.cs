using TakedownDesk.Application.Common;

namespace TakedownDesk.IntegrationTests.Support;

/// <summary>The staff member the next message is sent as; tests switch it to check per-case access.</summary>
public sealed class TestStaff : ICurrentStaff
{
    public string Id { get; set; } = "caseworker-1";

    public bool SeesAllCases { get; set; }
}
