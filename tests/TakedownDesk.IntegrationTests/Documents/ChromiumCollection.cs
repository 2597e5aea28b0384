namespace TakedownDesk.IntegrationTests.Documents;

/// <summary>Test classes in this collection share <see cref="ChromiumFixture"/> (and so run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class ChromiumCollection : ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Chromium";
}
