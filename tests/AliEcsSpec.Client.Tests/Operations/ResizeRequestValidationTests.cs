using AliEcsSpec.Client.Tests.Support;

namespace AliEcsSpec.Client.Tests.Operations;

/// <summary>The four operations around a resize check every documented rule before any I/O.</summary>
public sealed class ResizeRequestValidationTests
{
    public static TheoryData<string, Func<IEcsSpecClient, Task>, string, string> InvalidRequests => new()
    {
        { "Describe RegionId null", c => c.DescribeInstancesAsync(TestClient.Describe() with { RegionId = null! }), "RegionId", "RegionId is required" },
        { "Describe RegionId not an id", c => c.DescribeInstancesAsync(TestClient.Describe() with { RegionId = "CN HZ" }), "RegionId", "not a region ID" },
        { "Describe 101 ids", c => c.DescribeInstancesAsync(TestClient.Describe() with { InstanceIds = [.. Enumerable.Range(0, 101).Select(i => $"i-{i}")] }), "InstanceIds", "InstanceIds takes at most 100 values (was 101)" },
        { "Describe null id", c => c.DescribeInstancesAsync(TestClient.Describe() with { InstanceIds = ["i-1", null!] }), "InstanceIds", "InstanceIds value [1] must not be null" },
        { "Describe blank id", c => c.DescribeInstancesAsync(TestClient.Describe() with { InstanceIds = [" "] }), "InstanceIds", "InstanceIds value [0] must not be empty" },
        { "Describe MaxResults 0", c => c.DescribeInstancesAsync(TestClient.Describe() with { MaxResults = 0 }), "MaxResults", "MaxResults must be between 1 and 100 (was 0)" },
        { "Describe MaxResults 101", c => c.DescribeInstancesAsync(TestClient.Describe() with { MaxResults = 101 }), "MaxResults", "between 1 and 100" },
        { "Describe PageSize 101", c => c.DescribeInstancesAsync(TestClient.Describe() with { PageSize = 101 }), "PageSize", "PageSize must be between 1 and 100" },
        { "Describe PageNumber 0", c => c.DescribeInstancesAsync(TestClient.Describe() with { PageNumber = 0 }), "PageNumber", "PageNumber must be between 1" },
        { "Describe NextToken blank", c => c.DescribeInstancesAsync(TestClient.Describe() with { NextToken = "" }), "NextToken", "NextToken must not be empty" },
        { "Describe 101 IPs", c => c.DescribeInstancesAsync(TestClient.Describe() with { PrivateIpAddresses = [.. Enumerable.Repeat("10.0.0.1", 101)] }), "PrivateIpAddresses", "at most 100" },
        { "Describe 21 tags", c => c.DescribeInstancesAsync(TestClient.Describe() with { Tags = [.. Enumerable.Range(0, 21).Select(i => new EcsTag($"k{i}"))] }), "Tags", "Tag.N takes at most 20 pairs (was 21)" },
        { "Describe null tag", c => c.DescribeInstancesAsync(TestClient.Describe() with { Tags = [null!] }), "Tags", "Tags[0] (Tag.1) must not be null" },
        { "Describe blank tag key", c => c.DescribeInstancesAsync(TestClient.Describe() with { Tags = [new EcsTag("k"), new EcsTag(" ")] }), "Tags", "Tag.2.Key must not be empty" },
        { "Describe blank filter key", c => c.DescribeInstancesAsync(TestClient.Describe() with { Filters = [new EcsTag("")] }), "Filters", "Filter.1.Key must not be empty" },
        { "Describe 21 attributes", c => c.DescribeInstancesAsync(TestClient.Describe() with { AdditionalAttributes = [.. Enumerable.Repeat("META_OPTIONS", 21)] }), "AdditionalAttributes", "at most 20" },
        { "Describe blank status", c => c.DescribeInstancesAsync(TestClient.Describe() with { Status = " " }), "Status", "Status must not be empty" },
        { "Describe blank zone", c => c.DescribeInstancesAsync(TestClient.Describe() with { ZoneId = "" }), "ZoneId", "ZoneId must not be empty" },
        { "Stop InstanceId null", c => c.StopInstanceAsync(new StopInstanceRequest { InstanceId = null! }), "InstanceId", "InstanceId is required" },
        { "Stop InstanceId blank", c => c.StopInstanceAsync(new StopInstanceRequest { InstanceId = "\t" }), "InstanceId", "InstanceId must not be empty" },
        { "Stop StoppedMode undefined", c => c.StopInstanceAsync(new StopInstanceRequest { InstanceId = "i-1", StoppedMode = (StoppedMode)5 }), "StoppedMode", "no documented value" },
        { "Start InstanceId null", c => c.StartInstanceAsync(new StartInstanceRequest { InstanceId = null! }), "InstanceId", "InstanceId is required" },
        { "Start InstanceId lone surrogate", c => c.StartInstanceAsync(new StartInstanceRequest { InstanceId = "i-\udc00" }), "InstanceId", "well-formed Unicode" },
        { "Resources RegionId null", c => c.DescribeResourcesModificationAsync(TestClient.Resources() with { RegionId = null! }), "RegionId", "RegionId is required" },
        { "Resources ResourceId blank", c => c.DescribeResourcesModificationAsync(TestClient.Resources() with { ResourceId = "" }), "ResourceId", "ResourceId must not be empty" },
        { "Resources destination undefined", c => c.DescribeResourcesModificationAsync(TestClient.Resources() with { DestinationResource = (DestinationResource)3 }), "DestinationResource", "no documented value" },
        { "Resources operation undefined", c => c.DescribeResourcesModificationAsync(TestClient.Resources() with { OperationType = (ModificationOperationType)9 }), "OperationType", "no documented value" },
        { "Resources system disk without type", c => c.DescribeResourcesModificationAsync(TestClient.Resources() with { DestinationResource = DestinationResource.SystemDisk }), "InstanceType", "InstanceType is required when DestinationResource is SystemDisk" },
        { "Resources cores with system disk", c => c.DescribeResourcesModificationAsync(TestClient.Resources() with { DestinationResource = DestinationResource.SystemDisk, InstanceType = "t", Cores = 2 }), "Cores", "valid only when DestinationResource is InstanceType" },
        { "Resources memory with system disk", c => c.DescribeResourcesModificationAsync(TestClient.Resources() with { DestinationResource = DestinationResource.SystemDisk, InstanceType = "t", Memory = 4 }), "Memory", "valid only when DestinationResource is InstanceType" },
        { "Resources cores 0", c => c.DescribeResourcesModificationAsync(TestClient.Resources() with { Cores = 0 }), "Cores", "Cores must be between 1" },
        { "Resources memory negative", c => c.DescribeResourcesModificationAsync(TestClient.Resources() with { Memory = -1 }), "Memory", "Memory must be a positive finite number" },
        { "Resources memory NaN", c => c.DescribeResourcesModificationAsync(TestClient.Resources() with { Memory = double.NaN }), "Memory", "positive finite" },
        { "Resources blank condition", c => c.DescribeResourcesModificationAsync(TestClient.Resources() with { Conditions = [""] }), "Conditions", "Conditions.N value [0] must not be empty" },
        { "Resources blank zone", c => c.DescribeResourcesModificationAsync(TestClient.Resources() with { ZoneId = " " }), "ZoneId", "ZoneId must not be empty" },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task Call_RequestBreakingADocumentedRule_ThrowsArgumentExceptionNamingItAndSendsNothing(
        string name, Func<IEcsSpecClient, Task> call, string parameter, string rule)
    {
        using var test = new TestClient().ExpectNothingSent();

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => call(test.Client));

        Assert.Equal(parameter, error.ParamName);
        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
        Assert.Empty(test.Sent);
        Assert.NotEmpty(name);
    }

    [Fact]
    public async Task DescribeInstancesAsync_NullRequest_ThrowsArgumentNullException()
    {
        using var test = new TestClient().ExpectNothingSent();

        await Assert.ThrowsAsync<ArgumentNullException>(() => test.Client.DescribeInstancesAsync(null!));
    }

    [Fact]
    public async Task DescribeInstancesAsync_ExactlyOneHundredIdsAndTwentyTags_AreSent()
    {
        using var test = new TestClient().AnswerSpecSuccess();

        await test.Client.DescribeInstancesAsync(TestClient.Describe() with
        {
            InstanceIds = [.. Enumerable.Range(0, 100).Select(i => $"i-{i}")],
            Tags = [.. Enumerable.Range(1, 20).Select(i => new EcsTag($"k{i}"))],
        });

        Assert.Equal("k20", test.LastForm["Tag.20.Key"]);
    }
}
