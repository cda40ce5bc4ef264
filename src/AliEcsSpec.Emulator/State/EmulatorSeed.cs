using System.Text.Json;

namespace AliEcsSpec.Emulator;

/// <summary>What the emulator starts with: regions, accounts, the instance-type catalog and instances.</summary>
public sealed record EmulatorSeed
{
    /// <summary>The AccessKey ID of the demo account.</summary>
    public const string DemoAccessKeyId = "emulator-demo-access-key-id";

    /// <summary>The AccessKey secret of the demo account (a local, public, worthless value).</summary>
    public const string DemoAccessKeySecret = "emulator-demo-access-key-secret";

    /// <summary>An account in arrears.</summary>
    public const string ArrearsAccessKeyId = "emulator-arrears-access-key-id";

    /// <summary>An account with no balance.</summary>
    public const string PoorAccessKeyId = "emulator-poor-access-key-id";

    /// <summary>Region IDs the emulator knows.</summary>
    public IReadOnlyList<string> Regions { get; init; } = [];

    /// <summary>Accounts, each with its AccessKey.</summary>
    public IReadOnlyList<EmulatorAccount> Accounts { get; init; } = [];

    /// <summary>The instance-type catalog.</summary>
    public IReadOnlyList<InstanceTypeSpec> InstanceTypes { get; init; } = [];

    /// <summary>The instances.</summary>
    public IReadOnlyList<EmulatorInstance> Instances { get; init; } = [];

    /// <summary>Instance types short of stock, zone by zone; every other type is in stock in every zone.</summary>
    public IReadOnlyList<ZoneStock> Stock { get; init; } = [];

    /// <summary>RAM roles STS can assume, each acting for an account.</summary>
    public IReadOnlyList<EmulatorRole> Roles { get; init; } = [];

    /// <summary>OIDC identity providers <c>AssumeRoleWithOIDC</c> accepts.</summary>
    public IReadOnlyList<string> OidcProviderArns { get; init; } = [];

    /// <summary>The RAM role the metadata service stand-in reports for "this instance", if any.</summary>
    public string? EcsMetadataRoleName { get; init; }

    /// <summary>The demo role, acting for the demo account.</summary>
    public const string DemoRoleArn = "acs:ram::1234567890123456:role/emulator-demo-role";

    /// <summary>The demo OIDC provider.</summary>
    public const string DemoOidcProviderArn = "acs:ram::1234567890123456:oidc-provider/emulator-rrsa";

    /// <summary>The demo instance RAM role of the metadata service stand-in.</summary>
    public const string DemoEcsRoleName = "emulator-ecs-role";

    /// <summary>
    /// The documented demo fleet (see the emulator's README): three accounts (demo, in arrears, no balance), four
    /// regions, a small catalog with its two ecs.r6 types sold out in <c>cn-hangzhou-h</c>, and instances covering every rule
    /// (running, stopped, expired, released, local disks, an EIP, an unpaid order, a security lock, economical mode),
    /// two running <c>i-resize-*</c> instances to resize, plus twelve stopped pay-as-you-go <c>i-fleet-NNN</c> instances.
    /// </summary>
    public static EmulatorSeed Demo { get; } = CreateDemo();

    /// <summary>Reads a seed from JSON (the shape of this record, property names as here).</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The seed.</returns>
    /// <exception cref="JsonException">The text is not a valid seed.</exception>
    public static EmulatorSeed FromJson(string json) =>
        JsonSerializer.Deserialize(json, EmulatorJsonContext.Default.EmulatorSeed)
        ?? throw new JsonException("The seed file is empty (null).");

    /// <summary>Reads a seed from a JSON file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The seed.</returns>
    public static EmulatorSeed FromJsonFile(string path) => FromJson(File.ReadAllText(path));

    private static EmulatorSeed CreateDemo()
    {
        EmulatorInstance Instance(string id, InstanceChargeType charge, InstanceStatus status, string type, string owner = DemoAccessKeyId) => new()
        {
            InstanceId = id,
            RegionId = "cn-hangzhou",
            AccessKeyId = owner,
            ChargeType = charge,
            Status = status,
            InstanceType = type,
            InternetMaxBandwidthOut = 5,
            InternetMaxBandwidthIn = 10,
        };

        var instances = new List<EmulatorInstance>
        {
            Instance("i-prepaid-running-01", InstanceChargeType.PrePaid, InstanceStatus.Running, "ecs.g5.large"),
            Instance("i-prepaid-running-02", InstanceChargeType.PrePaid, InstanceStatus.Running, "ecs.g5.xlarge"),
            Instance("i-prepaid-stopped-01", InstanceChargeType.PrePaid, InstanceStatus.Stopped, "ecs.g5.xlarge"),
            Instance("i-prepaid-expired-01", InstanceChargeType.PrePaid, InstanceStatus.Expired, "ecs.g5.large"),
            Instance("i-prepaid-localdisk-01", InstanceChargeType.PrePaid, InstanceStatus.Stopped, "ecs.i2.xlarge") with { HasLocalDisks = true },
            Instance("i-prepaid-unpaid-01", InstanceChargeType.PrePaid, InstanceStatus.Stopped, "ecs.g5.large") with { HasUnpaidOrder = true },
            Instance("i-prepaid-downgraded-01", InstanceChargeType.PrePaid, InstanceStatus.Stopped, "ecs.g5.xlarge") with { DowngradeCount = 3 },
            Instance("i-postpaid-running-01", InstanceChargeType.PostPaid, InstanceStatus.Running, "ecs.g6.large"),
            Instance("i-postpaid-stopped-01", InstanceChargeType.PostPaid, InstanceStatus.Stopped, "ecs.g6.large"),
            Instance("i-postpaid-eip-01", InstanceChargeType.PostPaid, InstanceStatus.Running, "ecs.g6.large") with { EipBound = true },
            Instance("i-postpaid-localdisk-01", InstanceChargeType.PostPaid, InstanceStatus.Stopped, "ecs.i2.xlarge") with { HasLocalDisks = true },
            Instance("i-released-01", InstanceChargeType.PrePaid, InstanceStatus.Stopped, "ecs.g5.large") with { Released = true },
            Instance("i-arrears-01", InstanceChargeType.PrePaid, InstanceStatus.Stopped, "ecs.g5.large", ArrearsAccessKeyId),
            Instance("i-arrears-postpaid-01", InstanceChargeType.PostPaid, InstanceStatus.Running, "ecs.g6.large", ArrearsAccessKeyId),
            Instance("i-poor-prepaid-01", InstanceChargeType.PrePaid, InstanceStatus.Stopped, "ecs.g5.large", PoorAccessKeyId),
            Instance("i-shanghai-prepaid-01", InstanceChargeType.PrePaid, InstanceStatus.Stopped, "ecs.g5.large") with { RegionId = "cn-shanghai" },
        };
        // What the resize samples need: a running pay-as-you-go instance whose larger type is in stock, a running
        // subscription instance, one locked for security, one stopped in economical mode whose type is sold out.
        var expires = new DateTimeOffset(2027, 6, 30, 16, 0, 0, TimeSpan.Zero);
        instances.AddRange(
        [
            Instance("i-resize-postpaid-01", InstanceChargeType.PostPaid, InstanceStatus.Running, "ecs.g6.large"),
            Instance("i-resize-prepaid-01", InstanceChargeType.PrePaid, InstanceStatus.Running, "ecs.g5.xlarge") with { ExpiredTime = expires },
            Instance("i-locked-01", InstanceChargeType.PostPaid, InstanceStatus.Running, "ecs.g6.large") with { LockReasons = ["security"] },
            Instance("i-economical-01", InstanceChargeType.PostPaid, InstanceStatus.Stopped, "ecs.r6.large") with { StoppedMode = "StopCharging" },
        ]);
        for (var i = 1; i <= 12; i++)
        {
            instances.Add(Instance($"i-fleet-{i:000}", InstanceChargeType.PostPaid, InstanceStatus.Stopped, "ecs.g6.large"));
        }

        return new EmulatorSeed
        {
            Regions = ["cn-hangzhou", "cn-shanghai", "cn-beijing", "ap-southeast-1"],
            Accounts =
            [
                new EmulatorAccount(DemoAccessKeyId, DemoAccessKeySecret),
                new EmulatorAccount(ArrearsAccessKeyId, "emulator-arrears-access-key-secret") { InArrears = true },
                new EmulatorAccount(PoorAccessKeyId, "emulator-poor-access-key-secret") { Balance = 0m },
            ],
            InstanceTypes =
            [
                new("ecs.g5.large", 2, 8), new("ecs.g5.xlarge", 4, 16), new("ecs.g5.2xlarge", 8, 32),
                new("ecs.g6.large", 2, 8), new("ecs.g6.xlarge", 4, 16), new("ecs.g6.2xlarge", 8, 32),
                new("ecs.c6.large", 2, 4), new("ecs.c6.xlarge", 4, 8), new("ecs.s1.large", 4, 8),
                new("ecs.i2.xlarge", 4, 32), new("ecs.i2.2xlarge", 8, 64), new("ecs.r6.large", 2, 16), new("ecs.r6.xlarge", 4, 32),
            ],
            Instances = instances,
            // In cn-hangzhou-h, where the demo instances run: the memory-optimized ecs.r6 types are sold out, ecs.g5.2xlarge runs low.
            Stock =
            [
                new ZoneStock("cn-hangzhou-h", "ecs.r6.large", "WithoutStock"),
                new ZoneStock("cn-hangzhou-h", "ecs.r6.xlarge", "ClosedWithoutStock"),
                new ZoneStock("cn-hangzhou-h", "ecs.g5.2xlarge", "ClosedWithStock"),
            ],
            Roles = [new EmulatorRole(DemoRoleArn, DemoAccessKeyId), new EmulatorRole("acs:ram::1234567890123456:role/" + DemoEcsRoleName, DemoAccessKeyId)],
            OidcProviderArns = [DemoOidcProviderArn],
            EcsMetadataRoleName = DemoEcsRoleName,
        };
    }
}

/// <summary>A RAM role: assuming it yields STS credentials that act for <paramref name="AccessKeyId"/>'s account.</summary>
/// <param name="RoleArn">The role ARN.</param>
/// <param name="AccessKeyId">The AccessKey ID of the account the role belongs to (and that may assume it).</param>
public sealed record EmulatorRole(string RoleArn, string AccessKeyId);
