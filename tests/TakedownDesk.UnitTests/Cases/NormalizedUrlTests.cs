using TakedownDesk.Domain.Cases;

namespace TakedownDesk.UnitTests.Cases;

public class NormalizedUrlTests
{
    private static NormalizedUrl Valid(string text)
    {
        Assert.True(NormalizedUrl.TryCreate(text, out var url, out var error), error);
        Assert.Null(error);
        return url!;
    }

    private static string Refused(string? text)
    {
        Assert.False(NormalizedUrl.TryCreate(text, out var url, out var error));
        Assert.Null(url);
        Assert.False(string.IsNullOrWhiteSpace(error));
        return error!;
    }

    [Fact]
    public void Scheme_and_host_are_lower_cased_but_path_and_query_are_kept()
    {
        var url = Valid("HTTPS://Example.COM/Photos/IMG_01.jpg?Sort=Desc&id=7");

        Assert.Equal("https://example.com/Photos/IMG_01.jpg?Sort=Desc&id=7", url.Value);
        Assert.Equal("example.com", url.Host);
        Assert.Equal(url.Value, url.ToString());
    }

    [Theory]
    [InlineData("https://example.com:443/a", "https://example.com/a")]
    [InlineData("http://example.com:80/a", "http://example.com/a")]
    [InlineData("https://example.com:8443/a", "https://example.com:8443/a")]
    [InlineData("http://example.com:443/a", "http://example.com:443/a")]
    public void The_default_port_is_dropped_and_others_kept(string text, string expected)
    {
        Assert.Equal(expected, Valid(text).Value);
    }

    [Fact]
    public void The_fragment_is_dropped()
    {
        Assert.Equal("https://example.com/v/1?t=3", Valid("https://example.com/v/1?t=3#comments").Value);
    }

    [Fact]
    public void An_internationalised_host_becomes_punycode()
    {
        var url = Valid("https://BÜCHER.example/kapitel/1");

        Assert.Equal("https://xn--bcher-kva.example/kapitel/1", url.Value);
        Assert.Equal("xn--bcher-kva.example", url.Host);
    }

    [Fact]
    public void Www_is_ignored_for_the_host_but_kept_in_the_value()
    {
        var url = Valid("https://WWW.Example.com/a");

        Assert.Equal("https://www.example.com/a", url.Value);
        Assert.Equal("example.com", url.Host);
    }

    [Fact]
    public void A_trailing_dot_on_the_host_is_dropped()
    {
        var url = Valid("https://example.com./a");

        Assert.Equal("https://example.com/a", url.Value);
        Assert.Equal("example.com", url.Host);
        Assert.Equal(Valid("https://example.com/a").Key, url.Key);
    }

    [Fact]
    public void Surrounding_whitespace_is_ignored()
    {
        Assert.Equal("https://example.com/a", Valid("  https://example.com/a \t").Value);
    }

    [Theory]
    [InlineData("ftp://example.com/file.jpg", "ftp")]
    [InlineData("javascript:alert(1)", "javascript")]
    [InlineData("data:image/png;base64,iVBORw0KGgo=", "data")]
    [InlineData("file:///home/user/picture.jpg", "file")]
    [InlineData("mailto:someone@example.com", "mailto")]
    public void Non_http_schemes_are_refused_with_the_scheme_named(string text, string scheme)
    {
        var error = Refused(text);

        Assert.Contains($"\"{scheme}\"", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("example.com/photo/1")]
    [InlineData("www.example.com")]
    [InlineData("photo/1.jpg")]
    public void Relative_urls_are_refused(string text)
    {
        Assert.Contains("absolute", Refused(text), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/photos/1.jpg")]
    [InlineData("//example.com/photos/1.jpg")]
    [InlineData("https://")]
    [InlineData("https:///photos/1.jpg")]
    public void Rooted_paths_and_urls_without_a_host_are_refused(string text)
    {
        Refused(text);
    }

    [Theory]
    [InlineData("http://192.0.2.10/a", "192.0.2.10")]
    [InlineData("http://[2001:db8::1]/a", "2001:db8::1")]
    public void Ip_address_hosts_are_accepted(string text, string host)
    {
        Assert.Equal(host, Valid(text).Host);
    }

    [Theory]
    [InlineData("https://user:secret@example.com/a")]
    [InlineData("https://user@example.com/a")]
    public void User_info_is_refused(string text)
    {
        Assert.Contains("user name or password", Refused(text), StringComparison.Ordinal);
    }

    [Fact]
    public void An_over_long_url_is_refused_and_the_longest_allowed_is_accepted()
    {
        const string prefix = "https://example.com/";
        var longest = prefix + new string('a', NormalizedUrl.MaximumLength - prefix.Length);

        Assert.Equal(longest, Valid(longest).Value);
        Assert.Contains(NormalizedUrl.MaximumLength.ToString(System.Globalization.CultureInfo.InvariantCulture), Refused(longest + "a"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_text_is_refused(string? text)
    {
        Refused(text);
    }

    [Fact]
    public void Create_throws_with_the_reason_for_a_bad_url()
    {
        var ex = Assert.Throws<ArgumentException>(() => NormalizedUrl.Create("ftp://example.com/a"));

        Assert.Contains("ftp", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_key_is_stable_for_equal_urls_and_differs_otherwise()
    {
        var a = Valid("HTTPS://Example.com:443/a?b=1#x");
        var b = Valid("https://example.com/a?b=1");
        var other = Valid("https://example.com/a?b=2");

        Assert.Equal(a, b);
        Assert.Equal(a.Key, b.Key);
        Assert.Equal(64, a.Key.Length);
        Assert.Matches("^[0-9a-f]{64}$", a.Key);
        Assert.NotEqual(a.Key, other.Key);
    }

    [Fact]
    public void The_key_of_a_url_is_the_same_on_every_call()
    {
        Assert.Equal("https://example.com/a", Valid("https://example.com/a").Value);
        Assert.Equal(
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("https://example.com/a"u8)),
            Valid("https://example.com/a").Key);
    }

    [Fact]
    public void Www_and_bare_spellings_keep_their_values_but_count_as_one_location()
    {
        var www = Valid("https://www.example.com/a");
        var bare = Valid("https://example.com/a");

        Assert.NotEqual(www.Value, bare.Value);
        Assert.Equal(www.Key, bare.Key);
        Assert.Equal(www.Host, bare.Host);
    }
}
