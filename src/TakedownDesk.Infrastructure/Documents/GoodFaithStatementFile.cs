using System.Text.Json;
using Microsoft.Extensions.Options;
using TakedownDesk.Application.Ports;
using TakedownDesk.Domain.Cases;

namespace TakedownDesk.Infrastructure.Documents;

/// <summary>Reads <c>statements/good-faith.json</c> under the templates folder at each use, so an edit shows on the next page without a restart.</summary>
public sealed class GoodFaithStatementFile(IOptions<DocumentOptions> options) : IGoodFaithStatements
{
    public const string RelativePath = "statements/good-faith.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public IReadOnlyList<GoodFaithStatement> For(IEnumerable<IncidentKind> kinds)
    {
        var path = Path.Combine(options.Value.ResolveTemplatesRoot(), RelativePath);
        if (!File.Exists(path))
        {
            return [];
        }

        // Keyed by the incident kind in camel case ("digitalForgery"), as the directory file writes enums.
        var file = JsonSerializer.Deserialize<Dictionary<string, List<Entry>>>(File.ReadAllText(path), Json) ?? [];
        return kinds.Distinct()
            .SelectMany(kind => (file.TryGetValue(JsonNamingPolicy.CamelCase.ConvertName(kind.ToString()), out var entries) ? entries : [])
                .Select(e => new GoodFaithStatement(kind, e.Title, e.Text)))
            .ToList();
    }

    private sealed record Entry(string Title, string Text);
}
