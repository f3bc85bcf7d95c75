using System.Text;

namespace Conversations.WebFrontend.Tests.Media;

/// <summary>Small real files of each type the media API knows, and some it must refuse, built here rather than shipped.</summary>
public static class SampleFiles
{
    /// <summary>A 1×1 PNG.</summary>
    public static byte[] Png { get; } = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /// <summary>A 1×1 GIF.</summary>
    public static byte[] Gif { get; } = Convert.FromBase64String("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==");

    /// <summary>A 1×1 lossless WebP.</summary>
    public static byte[] WebP { get; } = Convert.FromBase64String("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

    /// <summary>A JPEG's start of image and JFIF header, a quantisation table and the end of image.</summary>
    public static byte[] Jpeg { get; } = Bytes(
        [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .."JFIF\0"u8, 0x01, 0x01, 0x00, 0x00, 0x48, 0x00, 0x48, 0x00, 0x00],
        [0xFF, 0xDB, 0x00, 0x43, 0x00, .. Enumerable.Repeat((byte)0x01, 64)],
        [0xFF, 0xD9]);

    /// <summary>A one-page PDF.</summary>
    public static byte[] Pdf { get; } = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        + "3 0 obj<</Type/Page/MediaBox[0 0 72 72]/Parent 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    /// <summary>An MP4's <c>ftyp</c> box (isom, compatible with mp41) and an empty <c>mdat</c>.</summary>
    public static byte[] Mp4 { get; } = Bytes(
        [0x00, 0x00, 0x00, 0x18, .."ftypisom"u8, 0x00, 0x00, 0x02, 0x00, .."isommp41"u8],
        [0x00, 0x00, 0x00, 0x08, .."mdat"u8]);

    /// <summary>An M4A (AAC audio in MP4): major brand <c>M4A </c>.</summary>
    public static byte[] M4a { get; } = Bytes(
        [0x00, 0x00, 0x00, 0x1C, .."ftypM4A "u8, 0x00, 0x00, 0x00, 0x00, .."M4A mp42isom"u8],
        [0x00, 0x00, 0x00, 0x08, .."mdat"u8]);

    /// <summary>The first page of an Ogg Opus stream (a WhatsApp voice note): <c>OggS</c> carrying <c>OpusHead</c>.</summary>
    public static byte[] OggOpus { get; } = Bytes(
        [.."OggS"u8, 0x00, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0x01, 0x00, 0x00, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0x01, 0x13],
        [.."OpusHead"u8, 0x01, 0x01, 0x38, 0x01, 0x80, 0xBB, 0x00, 0x00, 0x00, 0x00, 0x00]);

    /// <summary>An MP3 with an ID3v2 tag and one MPEG-1 layer III frame header.</summary>
    public static byte[] Mp3 { get; } = Bytes([.."ID3"u8, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00], [0xFF, 0xFB, 0x90, 0x64, .. new byte[413]]);

    /// <summary>An untagged MP3: the first bytes are a frame header.</summary>
    public static byte[] Mp3Frame { get; } = Bytes([0xFF, 0xFB, 0x90, 0x64], new byte[413]);

    /// <summary>An AAC stream in ADTS frames.</summary>
    public static byte[] Aac { get; } = Bytes([0xFF, 0xF1, 0x50, 0x80, 0x02, 0x1F, 0xFC], new byte[9]);

    /// <summary>An AMR narrowband voice recording.</summary>
    public static byte[] Amr { get; } = Bytes("#!AMR\n"u8.ToArray(), [0x3C, .. new byte[31]]);

    /// <summary>A Windows program: <c>MZ</c> and the DOS stub's message.</summary>
    public static byte[] Executable { get; } = Bytes([.."MZ"u8, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00], Encoding.ASCII.GetBytes("This program cannot be run in DOS mode.\r\r\n$"));

    public static byte[] Svg { get; } = Encoding.UTF8.GetBytes("""<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>""");

    public static byte[] Html { get; } = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><script>alert(1)</script></html>");

    public static byte[] Text { get; } = Encoding.UTF8.GetBytes("Just some notes, not a picture.");

    /// <summary>A file of <paramref name="length"/> bytes that starts like a PNG.</summary>
    public static byte[] PngOfLength(int length)
    {
        var bytes = new byte[length];
        Png.CopyTo(bytes, 0);
        return bytes;
    }

    private static byte[] Bytes(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
