namespace AliEcsSpec.Emulator.Tests.PublicApi;

/// <summary>
/// The emulator's public surface is approved like the client's: any change shows up as a diff of
/// <c>AliEcsSpec.Emulator.approved.txt</c>, committed with the change and its CHANGELOG entry.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void PublicApi_Library_MatchesTheApprovedFile() =>
        PublicApiApproval.Verify(typeof(EcsEmulator).Assembly, "AliEcsSpec.Emulator.Tests");
}
