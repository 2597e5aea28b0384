using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TakedownDesk.Application.Common;
using TakedownDesk.IntegrationTests.Documents;

namespace TakedownDesk.IntegrationTests.Security;

/// <summary>
/// Log messages are constant templates with named properties and a stable event id: a value typed by staff can then
/// only reach a log as a named property, where reviews (and CA1848/CA2254, errors in this build) see it.
/// </summary>
public sealed class StructuredLogTests
{
    private static readonly string[] LogMethods =
        ["Log", "LogTrace", "LogDebug", "LogInformation", "LogWarning", "LogError", "LogCritical", "BeginScope", "Define", "DefineScope"];

    [Fact]
    public void No_log_call_in_src_builds_its_message_by_interpolation_or_concatenation()
    {
        var files = Directory.EnumerateFiles(Path.Combine(RepositoryFolders.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        var (sites, violations) = Scan(files.Select(f => (Path.GetRelativePath(RepositoryFolders.Root, f), File.ReadAllText(f))));

        Assert.True(sites >= 20, $"only {sites} log sites found: is the scan still looking at src/?");
        Assert.Empty(violations);
    }

    [Fact]
    public void The_scan_catches_interpolation_concatenation_and_formatting()
    {
        const string bad = """
            class C
            {
                void M(ILogger logger, string name)
                {
                    logger.LogInformation($"Opened case for {name}");
                    logger.LogWarning("Opened case for " + name);
                    logger.Log(LogLevel.Error, string.Format("for {0}", name));
                    logger.LogDebug("Fine {Name}", name);
                }

                [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "x" + "y")]
                partial void Bad();
            }
            """;

        var (sites, violations) = Scan([("bad.cs", bad)]);

        Assert.Equal(5, sites);
        Assert.Equal(4, violations.Count);
    }

    [Fact]
    public void Every_generated_log_message_names_an_event_id_from_LogEvents_and_the_important_ones_are_used()
    {
        var attributes = Directory.EnumerateFiles(Path.Combine(RepositoryFolders.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f)).GetRoot().DescendantNodes().OfType<AttributeSyntax>())
            .Where(a => a.Name.ToString() is "LoggerMessage" or "LoggerMessageAttribute")
            .ToList();
        var eventIds = attributes.Select(a => a.ArgumentList?.Arguments.FirstOrDefault(x => x.NameEquals?.Name.Identifier.Text == "EventId")?.Expression.ToString()).ToList();

        Assert.NotEmpty(attributes);
        Assert.All(eventIds, id => Assert.StartsWith("LogEvents.", id ?? "(none)", StringComparison.Ordinal));
        var constants = typeof(LogEvents).GetFields(BindingFlags.Public | BindingFlags.Static).ToDictionary(f => f.Name, f => (int)f.GetRawConstantValue()!);
        Assert.Equal(constants.Count, constants.Values.Distinct().Count());
        foreach (var important in new[]
                 {
                     nameof(LogEvents.EscalationStepDone), nameof(LogEvents.EscalationStepFailed), nameof(LogEvents.EmailSent),
                     nameof(LogEvents.EmailDeadLettered), nameof(LogEvents.EmailOutcomeUnknown), nameof(LogEvents.EmailUndeliverable),
                     nameof(LogEvents.PdfRendered), nameof(LogEvents.BackupWritten), nameof(LogEvents.BackupRestored),
                     nameof(LogEvents.VictimErased), nameof(LogEvents.RetentionPurged), nameof(LogEvents.SignInFailed), nameof(LogEvents.SignInLockedOut),
                 })
        {
            Assert.Contains($"LogEvents.{important}", eventIds);
        }
    }

    /// <summary>Log sites (calls of the logging API and [LoggerMessage] attributes) and those whose message is built at run time.</summary>
    private static (int Sites, List<string> Violations) Scan(IEnumerable<(string Name, string Text)> files)
    {
        var sites = 0;
        var violations = new List<string>();
        foreach (var (name, text) in files)
        {
            var root = CSharpSyntaxTree.ParseText(text).GetRoot();
            foreach (var call in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                var method = call.Expression switch
                {
                    MemberAccessExpressionSyntax member => member.Name.Identifier.Text,
                    IdentifierNameSyntax identifier => identifier.Identifier.Text,
                    _ => null,
                };
                if (method is null || !LogMethods.Contains(method))
                {
                    continue;
                }

                sites++;
                violations.AddRange(call.ArgumentList.Arguments.Where(a => IsBuiltAtRunTime(a.Expression)).Select(a => Describe(name, a)));
            }

            foreach (var attribute in root.DescendantNodes().OfType<AttributeSyntax>().Where(a => a.Name.ToString() is "LoggerMessage" or "LoggerMessageAttribute"))
            {
                sites++;
                var message = attribute.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.Text == "Message");
                if (message is null || message.Expression is not LiteralExpressionSyntax)
                {
                    violations.Add(message is null ? $"{name}: [LoggerMessage] without a Message" : Describe(name, message));
                }
            }
        }

        return (sites, violations);
    }

    private static bool IsBuiltAtRunTime(ExpressionSyntax expression) => expression switch
    {
        InterpolatedStringExpressionSyntax => true,
        BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression) => true,
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } => member.Name.Identifier.Text is "Format" or "Concat" or "Join",
        _ => false,
    };

    private static string Describe(string file, SyntaxNode node) =>
        $"{file}:{node.GetLocation().GetLineSpan().StartLinePosition.Line + 1}: {node}";
}
