using System.Text;
using Conversations.WebFrontend.WhatsApp;

namespace Conversations.Unit.Tests;

public sealed class MetaSignatureTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"object\":\"whatsapp_business_account\"}");

    [Fact]
    public void Signature_is_hex_HMAC_SHA256_of_the_body()
    {
        // printf '%s' '{"object":"whatsapp_business_account"}' | openssl dgst -sha256 -hmac secret
        Assert.Equal("sha256=03f6dd944ecab4ddac0e3dbc3923b2da4e12b03df679ae23a52efd78ca6056e0", MetaSignature.Sign(Body, "secret"));
        Assert.True(MetaSignature.IsValid(Body, MetaSignature.Sign(Body, "secret"), "secret"));
    }

    [Fact]
    public void Upper_case_hex_is_accepted()
    {
        var signature = "sha256=" + MetaSignature.Sign(Body, "secret")["sha256=".Length..].ToUpperInvariant();
        Assert.True(MetaSignature.IsValid(Body, signature, "secret"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha256=")]
    [InlineData("sha1=abcdef")]
    [InlineData("sha256=zz7b7ac2c5e7a1c58a41b5f6c4ac0c66a30be3a1f8fd2f6a0f4e6e3bbf4cf0a5")]
    public void Malformed_headers_are_rejected(string? header)
    {
        Assert.False(MetaSignature.IsValid(Body, header, "secret"));
    }

    [Fact]
    public void Another_secret_or_body_does_not_verify()
    {
        var signature = MetaSignature.Sign(Body, "secret");
        Assert.False(MetaSignature.IsValid(Body, signature, "other"));
        Assert.False(MetaSignature.IsValid([.. Body, (byte)' '], signature, "secret"));
    }
}
