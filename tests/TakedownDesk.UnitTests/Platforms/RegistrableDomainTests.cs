using TakedownDesk.Domain.Platforms;

namespace TakedownDesk.UnitTests.Platforms;

/// <summary>A sub-domain can name the person, so a location keeps only the registrable part of its host readable.</summary>
public class RegistrableDomainTests
{
    [Theory]
    [InlineData("jane-doe.blogspot.com", "blogspot.com")]
    [InlineData("a.b.c.example.com", "example.com")]
    [InlineData("example.com", "example.com")]
    [InlineData("jane.example.co.uk", "example.co.uk")]
    [InlineData("jane.example.com.au", "example.com.au")]
    [InlineData("jane.example.de", "example.de")]
    [InlineData("localhost", "localhost")]
    [InlineData("192.0.2.7", "192.0.2.7")]
    [InlineData("[2001:db8::1]", "[2001:db8::1]")]
    public void Keeps_the_registrable_part_of_a_host(string host, string kept) => Assert.Equal(kept, DomainName.Registrable(host));

}
