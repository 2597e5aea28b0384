namespace TakedownDesk.Domain.Platforms;

/// <summary>Finds the directory entry a content URL belongs to: the longest matching domain wins (cdn.discordapp.com over discordapp.com).</summary>
public sealed class PlatformMatcher
{
    private readonly IReadOnlyList<(string Domain, Guid PlatformId)> domains;

    public PlatformMatcher(IEnumerable<(Guid PlatformId, IEnumerable<string> Domains)> directory)
    {
        domains = directory
            .SelectMany(p => p.Domains.Select(d => (Domain: d, p.PlatformId)))
            .OrderByDescending(d => d.Domain.Length)
            .ToList();
    }

    public Guid? Match(string normalizedHost)
    {
        foreach (var (domain, platformId) in domains)
        {
            if (DomainName.IsWithin(normalizedHost, domain))
            {
                return platformId;
            }
        }

        return null;
    }
}
