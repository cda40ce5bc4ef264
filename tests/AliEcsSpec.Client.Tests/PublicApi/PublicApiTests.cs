namespace AliEcsSpec.Client.Tests.PublicApi;

/// <summary>
/// The public surface is approved on purpose: any change shows up as a diff of
/// <c>AliEcsSpec.Client.approved.txt</c>, committed with the change and its CHANGELOG entry.
/// </summary>
public sealed class PublicApiTests
{
    // The DI extensions live in Microsoft.Extensions.DependencyInjection by convention; they are ours too.
    [Fact]
    public void PublicApi_Library_MatchesTheApprovedFile() =>
        PublicApiApproval.Verify(typeof(EcsSpecClient).Assembly, "AliEcsSpec.Client.Tests", "Microsoft.Extensions.DependencyInjection");
}
