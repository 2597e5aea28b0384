using System.Net;
using System.Net.Sockets;

namespace TakedownDesk.Infrastructure.LocationChecks;

/// <summary>
/// Which IP addresses a location check may connect to: public unicast only. Everything a pasted URL could use to reach
/// the desk's own network is refused: loopback, private, link-local, CGNAT, multicast, reserved and documentation
/// ranges, cloud metadata services, and IPv6 forms that embed an IPv4 address (mapped, NAT64, 6to4, Teredo).
/// </summary>
public static class PublicAddresses
{
    private static readonly (IPAddress Network, int Prefix)[] BlockedV4 =
    [
        (IPAddress.Parse("0.0.0.0"), 8), // "this network"
        (IPAddress.Parse("10.0.0.0"), 8), // private
        (IPAddress.Parse("100.64.0.0"), 10), // CGNAT (also Alibaba's metadata 100.100.100.200)
        (IPAddress.Parse("127.0.0.0"), 8), // loopback
        (IPAddress.Parse("169.254.0.0"), 16), // link-local (AWS, GCP, Azure, OCI metadata 169.254.169.254)
        (IPAddress.Parse("172.16.0.0"), 12), // private
        (IPAddress.Parse("192.0.0.0"), 24), // IETF protocol assignments
        (IPAddress.Parse("192.0.2.0"), 24), // documentation
        (IPAddress.Parse("192.88.99.0"), 24), // 6to4 relay anycast
        (IPAddress.Parse("192.168.0.0"), 16), // private
        (IPAddress.Parse("198.18.0.0"), 15), // benchmarking
        (IPAddress.Parse("198.51.100.0"), 24), // documentation
        (IPAddress.Parse("203.0.113.0"), 24), // documentation
        (IPAddress.Parse("224.0.0.0"), 4), // multicast
        (IPAddress.Parse("240.0.0.0"), 4), // reserved, and 255.255.255.255 broadcast
        (IPAddress.Parse("168.63.129.16"), 32), // Azure's platform endpoint (wireserver), public-looking
    ];

    private static readonly (IPAddress Network, int Prefix)[] BlockedV6 =
    [
        (IPAddress.IPv6None, 128), // unspecified ::
        (IPAddress.IPv6Loopback, 128), // ::1
        (IPAddress.Parse("100::"), 64), // discard
        (IPAddress.Parse("2001::"), 32), // Teredo (tunnels to any IPv4)
        (IPAddress.Parse("2001:db8::"), 32), // documentation
        (IPAddress.Parse("fc00::"), 7), // unique local (also AWS's metadata fd00:ec2::254)
        (IPAddress.Parse("fe80::"), 10), // link-local
        (IPAddress.Parse("fec0::"), 10), // site-local (deprecated)
        (IPAddress.Parse("ff00::"), 8), // multicast
    ];

    private static readonly (IPAddress Network, int Prefix)[] EmbeddingV4 =
    [
        (IPAddress.Parse("64:ff9b::"), 96), // NAT64: the last 32 bits are the IPv4 address
        (IPAddress.Parse("64:ff9b:1::"), 48), // local-use NAT64
        (IPAddress.Parse("2002::"), 16), // 6to4: bits 16-48 are the IPv4 address
    ];

    public static bool IsLoopback(IPAddress address) =>
        IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    /// <summary>True only for a public unicast address (or loopback when <paramref name="allowLoopback"/>, for tests).</summary>
    public static bool IsAllowed(IPAddress address, bool allowLoopback)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return IsAllowed(address.MapToIPv4(), allowLoopback);
        }

        if (allowLoopback && IPAddress.IsLoopback(address))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return !BlockedV4.Any(b => InRange(address, b.Network, b.Prefix));
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        // IPv4-compatible ::a.b.c.d (deprecated) embeds an IPv4 address in the last 32 bits as well.
        if (InRange(address, IPAddress.IPv6None, 96))
        {
            return false;
        }

        foreach (var (network, prefix) in EmbeddingV4)
        {
            if (InRange(address, network, prefix))
            {
                return IsAllowed(EmbeddedV4(address, prefix == 16 ? 2 : 12), allowLoopback: false);
            }
        }

        return !BlockedV6.Any(b => InRange(address, b.Network, b.Prefix));
    }

    private static IPAddress EmbeddedV4(IPAddress address, int offset) => new(address.GetAddressBytes().AsSpan(offset, 4));

    private static bool InRange(IPAddress address, IPAddress network, int prefix)
    {
        if (address.AddressFamily != network.AddressFamily)
        {
            return false;
        }

        var a = address.GetAddressBytes();
        var n = network.GetAddressBytes();
        var whole = prefix / 8;
        if (!a.AsSpan(0, whole).SequenceEqual(n.AsSpan(0, whole)))
        {
            return false;
        }

        var rest = prefix % 8;
        if (rest == 0)
        {
            return true;
        }

        var mask = (byte)(0xFF << (8 - rest));
        return (a[whole] & mask) == (n[whole] & mask);
    }
}
