using AliEcsSpec.Client;

namespace AliEcsSpec.Client.Tests.Operations;

/// <summary>
/// The rules of <see cref="EcsSpecClientOptions"/>: the ranges on its properties (checked by the source-generated
/// validator) and the rules no attribute can say. One row, one rule, with the exact message a user reads.
/// </summary>
public sealed class OptionsValidationTests
{
    public static TheoryData<string, Action<EcsSpecClientOptions>, string?> Rules => new()
    {
        { "MaxAttempts = 0", o => o.Retry.MaxAttempts = 0, "MaxAttempts: The field EcsSpecClientOptions.Retry.MaxAttempts must be between 1 and 10." },
        { "MaxAttempts = 1", o => o.Retry.MaxAttempts = 1, null },
        { "MaxAttempts = 10", o => o.Retry.MaxAttempts = 10, null },
        { "MaxAttempts = 11", o => o.Retry.MaxAttempts = 11, "MaxAttempts: The field EcsSpecClientOptions.Retry.MaxAttempts must be between 1 and 10." },
        { "BaseDelay = -1 ms", o => o.Retry.BaseDelay = TimeSpan.FromMilliseconds(-1), "BaseDelay: The field EcsSpecClientOptions.Retry.BaseDelay must be between 00:00:00 and 00:10:00." },
        { "BaseDelay = 0", o => o.Retry.BaseDelay = TimeSpan.Zero, null },
        { "ThrottlingBaseDelay = 10 min 1 ms", o => o.Retry.ThrottlingBaseDelay = TimeSpan.FromMilliseconds(600_001), "ThrottlingBaseDelay: The field EcsSpecClientOptions.Retry.ThrottlingBaseDelay must be between 00:00:00 and 00:10:00." },
        { "MaxDelay = 10 min", o => o.Retry.MaxDelay = TimeSpan.FromMinutes(10), null },
        { "MaxDelay = -1 ms", o => o.Retry.MaxDelay = TimeSpan.FromMilliseconds(-1), "MaxDelay: The field EcsSpecClientOptions.Retry.MaxDelay must be between 00:00:00 and 00:10:00." },
        { "AttemptTimeout = 0", o => o.Retry.AttemptTimeout = TimeSpan.Zero, "AttemptTimeout: The field EcsSpecClientOptions.Retry.AttemptTimeout must be greater than 00:00:00 and at most 00:10:00." },
        { "AttemptTimeout = 1 ms", o => o.Retry.AttemptTimeout = TimeSpan.FromMilliseconds(1), null },
        { "TotalTimeout = 0", o => o.Retry.TotalTimeout = TimeSpan.Zero, "TotalTimeout: The field EcsSpecClientOptions.Retry.TotalTimeout must be greater than 00:00:00 and at most 00:10:00.|EcsSpecClientOptions.Retry.AttemptTimeout (00:00:30) must not be longer than Retry.TotalTimeout (00:00:00)." },
        { "TotalTimeout = 10 min", o => o.Retry.TotalTimeout = TimeSpan.FromMinutes(10), null },
        { "TotalTimeout = 11 min", o => o.Retry.TotalTimeout = TimeSpan.FromMinutes(11), "TotalTimeout: The field EcsSpecClientOptions.Retry.TotalTimeout must be greater than 00:00:00 and at most 00:10:00." },
        { "AttemptTimeout = TotalTimeout", o => o.Retry.AttemptTimeout = o.Retry.TotalTimeout, null },
        { "AttemptTimeout > TotalTimeout", o => o.Retry.AttemptTimeout = TimeSpan.FromMinutes(3), "EcsSpecClientOptions.Retry.AttemptTimeout (00:03:00) must not be longer than Retry.TotalTimeout (00:02:00)." },
        { "MaxResponseBodyBytes = 1023", o => o.MaxResponseBodyBytes = 1023, "MaxResponseBodyBytes: The field EcsSpecClientOptions.MaxResponseBodyBytes must be between 1024 and 16777216." },
        { "MaxResponseBodyBytes = 1024", o => o.MaxResponseBodyBytes = 1024, null },
        { "MaxResponseBodyBytes = 16 MiB", o => o.MaxResponseBodyBytes = 16 * 1024 * 1024, null },
        { "MaxResponseBodyBytes = 16 MiB + 1", o => o.MaxResponseBodyBytes = (16 * 1024 * 1024) + 1, "MaxResponseBodyBytes: The field EcsSpecClientOptions.MaxResponseBodyBytes must be between 1024 and 16777216." },
        { "RegionId = CN_Hangzhou", o => o.RegionId = "CN_Hangzhou", "EcsSpecClientOptions.RegionId 'CN_Hangzhou' is not a region ID: use lower-case letters, digits and '-', for example 'cn-hangzhou'." },
        { "no RegionId, no Endpoint", o => o.RegionId = null, "EcsSpecClientOptions.RegionId is required when no Endpoint is set: it chooses the endpoint https://ecs.{RegionId}.aliyuncs.com." },
        { "AccessKeyId without secret", o => o.AccessKeySecret = null, "EcsSpecClientOptions.AccessKeySecret is required when AccessKeyId is set." },
        { "SignatureVersion = V3", o => o.SignatureVersion = AliEcsSpec.Client.Signing.SignatureVersion.V3, null },
        { "SignatureVersion = 7", o => o.SignatureVersion = (AliEcsSpec.Client.Signing.SignatureVersion)7, "EcsSpecClientOptions.SignatureVersion 7 is not a signature version: use V2 or V3." },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Validate_OneSetting_FailsWithExactlyItsRule(string setting, Action<EcsSpecClientOptions> change, string? expected)
    {
        var options = new EcsSpecClientOptions { RegionId = "cn-hangzhou", AccessKeyId = "id", AccessKeySecret = "secret" };
        change(options);

        var result = new EcsSpecClientOptionsValidator().Validate(null, options);

        Assert.True(expected is null == result.Succeeded, setting);
        Assert.Equal(expected, result.Failures is null ? null : string.Join("|", result.Failures));
    }

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        var result = new EcsSpecClientOptionsValidator().Validate(null, new EcsSpecClientOptions { RegionId = "cn-hangzhou" });

        Assert.True(result.Succeeded);
    }
}
