using System.Text;
using Conversations.Infrastructure.Media;
using Conversations.WebFrontend.Media;

namespace Conversations.Unit.Tests;

public sealed class MediaSnifferTests
{
    public static TheoryData<string, string?> Heads() => new()
    {
        { "FFD8FFE000104A464946", "image/jpeg" },
        { "89504E470D0A1A0A0000000D49484452", "image/png" },
        { "474946383761", "image/gif" },
        { "474946383961", "image/gif" },
        { "524946461A000000574542505650384C", "image/webp" },
        { "52494646240000005741564566", null },
        { "255044462D312E37", "application/pdf" },
        { "000000186674797069736F6D0000020069736F6D6D703431", "video/mp4" },
        { "0000001C667479704D344120000000004D344120", "audio/mp4" },
        { "00000014667479703367703500000000336770", "video/3gpp" },
        { "0000001866747970717420200000000071742020", null },
        { "000000146674797068656963000000006D696631", null },
        { "4F676753000200000000", "audio/ogg" },
        { "2321414D520A3C", "audio/amr" },
        { "494433040000000000", "audio/mpeg" },
        { "FFFB9064", "audio/mpeg" },
        { "FFF35004", "audio/mpeg" },
        { "FFFBF064", null },
        { "FFFB9C64", null },
        { "FFF1508002", "audio/aac" },
        { "FFF9508002", "audio/aac" },
        { "FFF1FC8002", null },
        { "4D5A90000300", null },
        { "7F454C46", null },
        { "504B0304", null },
        { "", null },
        { "FF", null },
    };

    [Theory]
    [MemberData(nameof(Heads))]
    public void A_file_is_known_by_its_first_bytes(string hex, string? mimeType) =>
        Assert.Equal(mimeType, MediaSniffer.Sniff(Convert.FromHexString(hex))?.MimeType);

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"/>")]
    [InlineData("<!DOCTYPE html><script>alert(1)</script>")]
    [InlineData("%!PS-Adobe-3.0")]
    [InlineData("GIF88a")]
    public void Text_and_near_misses_are_unknown(string text) => Assert.Null(MediaSniffer.Sniff(Encoding.UTF8.GetBytes(text)));

    [Theory]
    [InlineData("invoice.png", "invoice.pdf")]
    [InlineData("C:\\Users\\ana\\Desktop\\report.final.PNG", "report.final.pdf")]
    [InlineData("../../etc/passwd", "passwd.pdf")]
    [InlineData("..", "file.pdf")]
    [InlineData("", "file.pdf")]
    [InlineData(null, "file.pdf")]
    [InlineData("a\"b<c>|d\u0007.txt", "abcd.pdf")]
    public void An_upload_keeps_its_name_with_the_extension_of_its_real_type(string? clientName, string expected) =>
        Assert.Equal(expected, UploadFileNames.For(clientName, MediaSniffer.Pdf));

    [Fact]
    public void A_long_name_is_cut_without_splitting_a_character()
    {
        var name = UploadFileNames.For(new string('a', 99) + "😀😀.jpg", MediaSniffer.Jpeg);
        Assert.Equal(new string('a', 99) + ".jpg", name);
    }

    [Theory]
    [InlineData("image/jpeg", "image")]
    [InlineData("AUDIO/ogg; codecs=opus", "audio")]
    [InlineData("video/mp4", "video")]
    [InlineData("application/pdf", "document")]
    [InlineData("text/plain", "document")]
    public void A_mime_type_has_a_kind(string mimeType, string kind) => Assert.Equal(kind, MediaKinds.Of(mimeType));
}
