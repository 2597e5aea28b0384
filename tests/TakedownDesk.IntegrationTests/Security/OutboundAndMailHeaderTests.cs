using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using TakedownDesk.Domain.Common;
using TakedownDesk.Domain.Messaging;
using TakedownDesk.Domain.Messaging.Rules;

namespace TakedownDesk.IntegrationTests.Security;

/// <summary>No outbound URL fetching in production code, and no header injection through the e-mail outbox.</summary>
public sealed class OutboundAndMailHeaderTests
{
    private static readonly string[] ProductionAssemblies =
        ["TakedownDesk.Domain", "TakedownDesk.Application", "TakedownDesk.Infrastructure", "TakedownDesk.Web"];

    /// <summary>
    /// The product never fetches a content URL's content. SMTP goes through MailKit's own socket client and Chromium
    /// prints offline with every request blocked, so no production assembly references HttpClient, WebRequest, WebClient,
    /// sockets or an HttpMessageHandler — with two named exceptions: the readiness probe opens a TCP connection to the SMTP
    /// relay the operator configured, and the location check (<c>Infrastructure/LocationChecks/LocationProbe</c>) asks a
    /// location for its status code through its own socket callback that refuses every non-public address (SsrfTests).
    /// </summary>
    [Fact]
    public void No_production_assembly_references_an_http_client_or_raw_sockets()
    {
        string[] forbidden = ["HttpClient", "HttpMessageHandler", "SocketsHttpHandler", "WebRequest", "HttpWebRequest", "WebClient", "Socket", "TcpClient"];
        string[] allowed =
        [
            "TakedownDesk.Web: System.Net.Sockets.TcpClient",
            "TakedownDesk.Infrastructure: System.Net.Http.HttpClient",
            "TakedownDesk.Infrastructure: System.Net.Http.HttpMessageHandler",
            "TakedownDesk.Infrastructure: System.Net.Http.SocketsHttpHandler",
            "TakedownDesk.Infrastructure: System.Net.Sockets.Socket",
        ];
        var offenders = new List<string>();
        foreach (var name in ProductionAssemblies)
        {
            var path = Path.Combine(AppContext.BaseDirectory, name + ".dll");
            using var pe = new PEReader(File.OpenRead(path));
            var metadata = pe.GetMetadataReader();
            foreach (var handle in metadata.TypeReferences)
            {
                var type = metadata.GetTypeReference(handle);
                var ns = metadata.GetString(type.Namespace);
                var typeName = metadata.GetString(type.Name);
                if ((ns.StartsWith("System.Net", StringComparison.Ordinal) || ns.StartsWith("Microsoft.Extensions.Http", StringComparison.Ordinal))
                    && forbidden.Contains(typeName, StringComparer.Ordinal))
                {
                    offenders.Add($"{name}: {ns}.{typeName}");
                }
            }
        }

        Assert.Empty(offenders.Except(allowed, StringComparer.Ordinal));
        Assert.Contains(typeof(Program).Assembly.GetReferencedAssemblies(), a => a.Name == "TakedownDesk.Infrastructure");
    }

    public static TheoryData<string> Injections() => new() { "Hello\r\nBcc: attacker@evil.example", "Hello\nX-Injected: 1", "Hello\rX: 1", "Hello\u0000" };

    [Theory]
    [MemberData(nameof(Injections))]
    public void A_subject_or_recipient_with_a_line_break_is_refused_by_the_rule(string value)
    {
        var subject = Assert.Throws<BusinessRuleViolationException>(() => new OutboxMessage("k", "to@example.org", value, "<p>x</p>", "x", DateTime.UtcNow));
        Assert.Equal(nameof(MailHeaderMustBeASingleLine), subject.RuleName);
        var to = Assert.Throws<BusinessRuleViolationException>(() => new OutboxMessage("k", "to@example.org" + value, "subject", "<p>x</p>", "x", DateTime.UtcNow));
        Assert.Equal(nameof(MailHeaderMustBeASingleLine), to.RuleName);
    }

    [Theory]
    [MemberData(nameof(Injections))]
    public void An_attachment_name_with_a_line_break_is_refused_by_the_rule(string value)
    {
        var message = new OutboxMessage("k", "to@example.org", "subject", "<p>x</p>", "x", DateTime.UtcNow);
        var refused = Assert.Throws<BusinessRuleViolationException>(() => message.Attach(new OutboxAttachment(value + ".pdf", "application/pdf", [1])));
        Assert.Equal(nameof(MailHeaderMustBeASingleLine), refused.RuleName);
        Assert.Empty(message.Attachments);

        message.Attach(new OutboxAttachment("notice — ünïcode.pdf", "application/pdf", [1]));
        Assert.Single(message.Attachments);
    }
}
