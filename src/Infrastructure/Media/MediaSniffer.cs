using System.Text;

namespace Conversations.Infrastructure.Media;

/// <summary>
/// Tells a file's type from its first bytes (its magic numbers), never from its name or what the sender claimed:
/// a name or a Content-Type is whatever the client chose, the content is what a browser or WhatsApp will see.
/// Knows the types WhatsApp carries: JPEG, PNG, GIF and WebP images; PDF documents; MP4 and 3GPP video; Ogg
/// (Opus), MP3, AAC, M4A and AMR audio. Anything else is unknown (null).
/// </summary>
public static class MediaSniffer
{
    /// <summary>How many leading bytes <see cref="Sniff"/> needs at most.</summary>
    public const int HeadLength = 256;

    public static readonly MediaType Jpeg = new("image/jpeg", ".jpg", MediaKinds.Image);
    public static readonly MediaType Png = new("image/png", ".png", MediaKinds.Image);
    public static readonly MediaType Gif = new("image/gif", ".gif", MediaKinds.Image);
    public static readonly MediaType WebP = new("image/webp", ".webp", MediaKinds.Image);
    public static readonly MediaType Pdf = new("application/pdf", ".pdf", MediaKinds.Document);
    public static readonly MediaType Mp4 = new("video/mp4", ".mp4", MediaKinds.Video);
    public static readonly MediaType ThreeGpp = new("video/3gpp", ".3gp", MediaKinds.Video);
    public static readonly MediaType M4a = new("audio/mp4", ".m4a", MediaKinds.Audio);
    public static readonly MediaType Ogg = new("audio/ogg", ".ogg", MediaKinds.Audio);
    public static readonly MediaType Mp3 = new("audio/mpeg", ".mp3", MediaKinds.Audio);
    public static readonly MediaType Aac = new("audio/aac", ".aac", MediaKinds.Audio);
    public static readonly MediaType Amr = new("audio/amr", ".amr", MediaKinds.Audio);

    /// <summary>Every type <see cref="Sniff"/> can answer.</summary>
    public static IReadOnlyList<MediaType> Known { get; } = [Jpeg, Png, Gif, WebP, Pdf, Mp4, ThreeGpp, M4a, Ogg, Mp3, Aac, Amr];

    /// <summary>The type of a file starting with <paramref name="head"/> (its first <see cref="HeadLength"/> bytes, or all of a shorter file).</summary>
    public static MediaType? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return Gif;
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP;
        }

        if (head.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (head.StartsWith("OggS"u8))
        {
            return Ogg;
        }

        if (head.StartsWith("#!AMR"u8))
        {
            return Amr;
        }

        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            return IsoMedia(head);
        }

        if (head.StartsWith("ID3"u8))
        {
            return Mp3;
        }

        return MpegAudioFrame(head);
    }

    /// <summary>
    /// An ISO base media file (MP4 and kin) starts with an <c>ftyp</c> box naming its major brand and the brands it
    /// is compatible with (ISO/IEC 14496-12 §4.3); the brands tell audio-only M4A and 3GPP from MP4 video.
    /// </summary>
    private static MediaType? IsoMedia(ReadOnlySpan<byte> head)
    {
        var size = (int)Math.Min(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(head), (uint)head.Length);
        var brands = new List<string> { Encoding.ASCII.GetString(head[8..12]) };
        for (var at = 16; at + 4 <= size; at += 4)
        {
            brands.Add(Encoding.ASCII.GetString(head[at..(at + 4)]));
        }

        return brands[0] switch
        {
            "M4A " or "M4B " or "M4P " => M4a,
            var major when major.StartsWith("3gp", StringComparison.Ordinal) || major.StartsWith("3g2", StringComparison.Ordinal) => ThreeGpp,
            _ when brands.Any(b => b is "isom" or "iso2" or "iso4" or "iso5" or "iso6" or "mp41" or "mp42" or "avc1" or "M4V " or "dash" or "mmp4") => Mp4,
            _ => null,
        };
    }

    /// <summary>
    /// An MP3 or AAC (ADTS) stream without tags starts with a frame header: eleven set sync bits, then the version
    /// and layer. Layer 0 is ADTS's AAC; layers 1–3 are MPEG audio, checked further (a bitrate index of 15 and a
    /// sampling rate index of 3 are invalid) so a random binary is not taken for a sound.
    /// </summary>
    private static MediaType? MpegAudioFrame(ReadOnlySpan<byte> head)
    {
        if (head.Length < 4 || head[0] != 0xFF || (head[1] & 0xE0) != 0xE0)
        {
            return null;
        }

        var layer = (head[1] >> 1) & 0x03;
        if (layer == 0)
        {
            // ADTS: twelve sync bits, and a sampling frequency index below 13.
            return (head[1] & 0xF0) == 0xF0 && ((head[2] >> 2) & 0x0F) < 13 ? Aac : null;
        }

        var version = (head[1] >> 3) & 0x03;
        var bitrate = (head[2] >> 4) & 0x0F;
        var sampling = (head[2] >> 2) & 0x03;
        return version != 1 && bitrate is not (0 or 15) && sampling != 3 ? Mp3 : null;
    }
}
