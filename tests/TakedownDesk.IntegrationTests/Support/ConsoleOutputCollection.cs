namespace TakedownDesk.IntegrationTests.Support;

/// <summary>Tests that swap <see cref="Console.Out"/> to read what a command printed: one at a time, or they read each other's output.</summary>
[CollectionDefinition(Name)]
public sealed class ConsoleOutputCollection
{
    public const string Name = "Console output";
}
