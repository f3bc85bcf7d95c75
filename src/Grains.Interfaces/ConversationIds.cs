using System.Security.Cryptography;
using System.Text;

namespace Conversations.Grains.Interfaces;

/// <summary>
/// A conversation's id is a name-based UUID (RFC 9562 version 5) of its business and the customer's
/// WhatsApp id, so every node routes a customer's messages to the same grain without a lookup.
/// </summary>
public static class ConversationIds
{
    public static Guid For(Guid businessId, string customerWaId)
    {
        ArgumentException.ThrowIfNullOrEmpty(customerWaId);

        var name = Encoding.UTF8.GetBytes(customerWaId);
        var input = new byte[16 + name.Length];
        businessId.TryWriteBytes(input, bigEndian: true, out _);
        name.CopyTo(input, 16);

        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
        SHA1.HashData(input, hash);

        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
