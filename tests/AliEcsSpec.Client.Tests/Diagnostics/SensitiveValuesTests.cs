using AliEcsSpec.Client.Diagnostics;

namespace AliEcsSpec.Client.Tests.Diagnostics;

/// <summary>How secrets are scrubbed from what the service echoes, and when the scrubbing can be skipped.</summary>
public sealed class SensitiveValuesTests
{
    // A Base64 signature with a '+' and a '/' among its first characters, as about one in eight signatures have.
    private const string Signature = "q+/Lr7TQvHkNm2ZcY8aWfE4pXs0=";

    private const string RequestId = "04F0F334-1335-436C-A1D7-6C044FE73368";

    [Fact]
    public void MayContainAny_SignatureWithReservedCharactersNearItsStart_RequestIdWithoutIt_ReturnsFalse()
    {
        Assert.False(SensitiveValues.MayContainAny(RequestId, Signature));
    }

    [Fact]
    public void MayContainAny_TextHoldsTheSignatureEscapedTwice_ReturnsTrue()
    {
        var text = "StringToSign: POST&%2F&Signature%3D" + Uri.EscapeDataString(Uri.EscapeDataString(Signature));

        Assert.True(SensitiveValues.MayContainAny(text, Signature));
    }

    [Fact]
    public void MayContainAny_ValueWithoutFourUnreservedCharactersInARow_ReturnsTrue()
    {
        Assert.True(SensitiveValues.MayContainAny(RequestId, "a+b/c=d+e"));
    }

    [Fact]
    public void Redact_TextHoldsTheSignatureWithPlusReadAsSpace_MasksIt()
    {
        var text = "echo: " + Signature.Replace('+', ' ') + " end";

        Assert.Equal("echo: *** end", new SensitiveValues(Signature).Redact(text));
    }

    [Fact]
    public void Redact_TextHoldsNoSecret_ReturnsTheSameInstance()
    {
        Assert.Same(RequestId, new SensitiveValues("secretsecretsecret", null, Signature).Redact(RequestId));
    }
}
