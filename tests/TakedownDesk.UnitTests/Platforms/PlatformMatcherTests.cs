using TakedownDesk.Domain.Cases;
using TakedownDesk.Domain.Platforms;

namespace TakedownDesk.UnitTests.Platforms;

public class PlatformMatcherTests
{
    private static readonly Guid Discord = Guid.NewGuid();
    private static readonly Guid DiscordCdn = Guid.NewGuid();
    private static readonly Guid X = Guid.NewGuid();

    private static readonly PlatformMatcher Matcher = new(
    [
        (Discord, ["discord.com", "discordapp.com"]),
        (DiscordCdn, ["cdn.discordapp.com"]),
        (X, ["x.com", "twitter.com"]),
    ]);

    [Theory]
    [InlineData("x.com")]
    [InlineData("twitter.com")]
    public void An_exact_domain_matches(string host)
    {
        Assert.Equal(X, Matcher.Match(host));
    }

    [Fact]
    public void A_sub_domain_matches_its_domain()
    {
        Assert.Equal(Discord, Matcher.Match("media.discordapp.com"));
        Assert.Equal(X, Matcher.Match("mobile.x.com"));
    }

    [Fact]
    public void The_longest_matching_domain_wins()
    {
        Assert.Equal(DiscordCdn, Matcher.Match("cdn.discordapp.com"));
        Assert.Equal(DiscordCdn, Matcher.Match("eu.cdn.discordapp.com"));
        Assert.Equal(Discord, Matcher.Match("discordapp.com"));
    }

    [Fact]
    public void The_longest_match_wins_whatever_the_directory_order()
    {
        var reversed = new PlatformMatcher([(DiscordCdn, ["cdn.discordapp.com"]), (Discord, ["discordapp.com"])]);
        var forward = new PlatformMatcher([(Discord, ["discordapp.com"]), (DiscordCdn, ["cdn.discordapp.com"])]);

        Assert.Equal(DiscordCdn, reversed.Match("cdn.discordapp.com"));
        Assert.Equal(DiscordCdn, forward.Match("cdn.discordapp.com"));
    }

    [Theory]
    [InlineData("example.com")]
    [InlineData("com")]
    [InlineData("")]
    public void An_unknown_host_matches_nothing(string host)
    {
        Assert.Null(Matcher.Match(host));
    }

    [Theory]
    [InlineData("notx.com")]
    [InlineData("x.com.evil.example")]
    [InlineData("fakediscord.com")]
    [InlineData("x.co")]
    public void A_lookalike_domain_does_not_match(string host)
    {
        Assert.Null(Matcher.Match(host));
    }

    [Theory]
    [InlineData("WWW.X.COM")]
    [InlineData("www.x.com.")]
    [InlineData(" X.com ")]
    public void Matching_is_case_and_www_insensitive_once_normalized(string host)
    {
        Assert.Equal(X, Matcher.Match(DomainName.Normalize(host)!));
    }

    [Fact]
    public void The_host_of_a_normalized_url_matches_directly()
    {
        Assert.Equal(DiscordCdn, Matcher.Match(NormalizedUrl.Create("https://CDN.DiscordApp.com/attachments/1/2/a.png").Host));
        Assert.Equal(X, Matcher.Match(NormalizedUrl.Create("https://www.x.com/user/status/1").Host));
    }

    [Fact]
    public void An_empty_directory_matches_nothing()
    {
        Assert.Null(new PlatformMatcher([]).Match("x.com"));
    }
}
