using TakedownDesk.Domain.Platforms;

namespace TakedownDesk.UnitTests.Platforms;

public class DomainNameTests
{
    [Theory]
    [InlineData("Example.COM", "example.com")]
    [InlineData("www.example.com", "example.com")]
    [InlineData("WWW.Example.com", "example.com")]
    [InlineData("example.com.", "example.com")]
    [InlineData("  example.com  ", "example.com")]
    [InlineData("cdn.example.com", "cdn.example.com")]
    [InlineData("bücher.example", "xn--bcher-kva.example")]
    [InlineData("www.BÜCHER.example", "xn--bcher-kva.example")]
    [InlineData("wwwexample.com", "wwwexample.com")]
    public void Host_names_are_normalized(string host, string expected)
    {
        Assert.Equal(expected, DomainName.Normalize(host));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(".")]
    [InlineData("not a host.com")]
    [InlineData("example.com/path")]
    [InlineData("https://example.com")]
    public void Non_host_names_normalize_to_null(string? host)
    {
        Assert.Null(DomainName.Normalize(host));
    }

    [Theory]
    [InlineData("x.com", "x.com", true)]
    [InlineData("a.x.com", "x.com", true)]
    [InlineData("a.b.x.com", "x.com", true)]
    [InlineData("notx.com", "x.com", false)]
    [InlineData("x.com", "a.x.com", false)]
    [InlineData("x.com.evil.example", "x.com", false)]
    public void IsWithin_accepts_the_domain_and_its_sub_domains_only(string host, string domain, bool expected)
    {
        Assert.Equal(expected, DomainName.IsWithin(host, domain));
    }
}
