using System.Security.Cryptography;
using System.Text;

namespace CalaisReturns.Core;

/// <summary>Stream ids derived from a name (a flight's monitor's report, a budget, a month's closure): the same on every host.</summary>
public static class StreamIds
{
    /// <summary>A version-8 (name-based) UUID from the SHA-256 of the name.</summary>
    public static Guid Derived(string name)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(name))[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
