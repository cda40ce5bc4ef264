using System.Globalization;
using System.Text;
using AliEcsSpec.Client;
using AliEcsSpec.Tests;
using FsCheck;
using FsCheck.Fluent;

namespace AliEcsSpec.Emulator.Tests.Reliability;

/// <summary>One generated call: a request of either operation, made through the throwing or the <c>Try…</c> form.</summary>
internal abstract record RequestCase(bool Throwing, bool AutoClientToken)
{
    public abstract string Operation { get; }
}

internal sealed record PrepayCase(ModifyPrepayInstanceSpecRequest Request, bool Throwing, bool AutoClientToken)
    : RequestCase(Throwing, AutoClientToken)
{
    public override string Operation => "ModifyPrepayInstanceSpec";

    public override string ToString()
    {
        var r = Request;
        var disks = r.Disks is null ? "null"
            : "[" + string.Join(", ", r.Disks.Select(d => d is null ? "null"
                : $"{{ DiskId = {FuzzSettings.Show(d.DiskId)}, Category = {FuzzSettings.Show(d.Category)}, PerformanceLevel = {FuzzSettings.Show(d.PerformanceLevel)} }}")) + "]";
        return string.Create(CultureInfo.InvariantCulture,
            $"{Operation}{(Throwing ? "Async" : " Try…Async")} (AutoClientToken {AutoClientToken}) {{ RegionId = {FuzzSettings.Show(r.RegionId)}, " +
            $"InstanceId = {FuzzSettings.Show(r.InstanceId)}, InstanceType = {FuzzSettings.Show(r.InstanceType)}, OperatorType = {Show(r.OperatorType)}, " +
            $"ClientToken = {FuzzSettings.Show(r.ClientToken)}, AutoPay = {Show(r.AutoPay)}, MigrateAcrossZone = {Show(r.MigrateAcrossZone)}, " +
            $"SystemDiskCategory = {Show(r.SystemDiskCategory)}, RebootTime = {Show(r.RebootTime)}, EndTime = {Show(r.EndTime)}, " +
            $"RebootWhenFinished = {Show(r.RebootWhenFinished)}, ModifyMode = {FuzzSettings.Show(r.ModifyMode)}, Disks = {disks} }}");
    }

    internal static string Show<T>(T? value)
        where T : struct =>
        value switch
        {
            null => "null",
            DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
            Enum e => string.Create(CultureInfo.InvariantCulture, $"{e} ({Convert.ToInt32(e, CultureInfo.InvariantCulture)})"),
            { } v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? string.Empty,
        };
}

internal sealed record SpecCase(ModifyInstanceSpecRequest Request, bool Throwing, bool AutoClientToken)
    : RequestCase(Throwing, AutoClientToken)
{
    public override string Operation => "ModifyInstanceSpec";

    public override string ToString()
    {
        var r = Request;
        return string.Create(CultureInfo.InvariantCulture,
            $"{Operation}{(Throwing ? "Async" : " Try…Async")} (AutoClientToken {AutoClientToken}) {{ RegionId = {FuzzSettings.Show(r.RegionId)}, " +
            $"InstanceId = {FuzzSettings.Show(r.InstanceId)}, InstanceType = {FuzzSettings.Show(r.InstanceType)}, " +
            $"InternetMaxBandwidthOut = {PrepayCase.Show(r.InternetMaxBandwidthOut)}, InternetMaxBandwidthIn = {PrepayCase.Show(r.InternetMaxBandwidthIn)}, " +
            $"TemporaryStartTime = {PrepayCase.Show(r.TemporaryStartTime)}, TemporaryEndTime = {PrepayCase.Show(r.TemporaryEndTime)}, " +
            $"TemporaryInternetMaxBandwidthOut = {PrepayCase.Show(r.TemporaryInternetMaxBandwidthOut)}, Async = {PrepayCase.Show(r.Async)}, " +
            $"AllowMigrateAcrossZone = {PrepayCase.Show(r.AllowMigrateAcrossZone)}, SystemDiskCategory = {PrepayCase.Show(r.SystemDiskCategory)}, " +
            $"ClientToken = {FuzzSettings.Show(r.ClientToken)} }}");
    }
}

/// <summary>
/// Generators of both request records: mostly values the emulator's demo fleet knows (so that many calls reach its
/// rules and some succeed), mixed with the odd values the issue lists for every documented parameter: null, empty
/// and white-space strings, control characters, non-ASCII text, lone surrogates, characters the form encoding must
/// escape, very long strings; numbers at, just outside and far outside their ranges; times at
/// <see cref="DateTimeOffset.MinValue"/>, <see cref="DateTimeOffset.MaxValue"/> and in local offsets; null lists and
/// lists with null items.
/// </summary>
internal static class RequestGenerators
{
    /// <summary>The demo fleet's prepaid instances (the first three can change), some of other kinds, and one that does not exist.</summary>
    private static readonly string[] PrepaidInstances =
    [
        "i-prepaid-running-01", "i-prepaid-running-02", "i-prepaid-stopped-01", "i-prepaid-running-01", "i-prepaid-running-02",
        "i-prepaid-stopped-01", "i-prepaid-running-01", "i-prepaid-running-02", "i-prepaid-expired-01", "i-prepaid-localdisk-01",
        "i-prepaid-unpaid-01", "i-prepaid-downgraded-01", "i-released-01", "i-shanghai-prepaid-01", "i-arrears-01", "i-postpaid-stopped-01",
        "i-bp67acfmxazb4ph****",
    ];

    /// <summary>The demo fleet's pay-as-you-go instances, some of other kinds, and one that does not exist.</summary>
    private static readonly string[] PostpaidInstances =
    [
        "i-postpaid-running-01", "i-postpaid-stopped-01", "i-postpaid-eip-01", "i-postpaid-localdisk-01", "i-fleet-001", "i-fleet-002",
        "i-fleet-003", "i-fleet-004", "i-fleet-005", "i-fleet-006", "i-arrears-postpaid-01", "i-prepaid-stopped-01", "i-bp67acfmxazb4p****",
    ];

    private static readonly string[] InstanceTypes =
    [
        "ecs.g5.large", "ecs.g5.xlarge", "ecs.g5.2xlarge", "ecs.g6.large", "ecs.g6.xlarge", "ecs.g6.2xlarge", "ecs.c6.large",
        "ecs.c6.xlarge", "ecs.s1.large", "ecs.i2.xlarge", "ecs.unknown.large",
    ];

    /// <summary>Mostly the demo fleet's region; others the emulator knows, and valid IDs it does not.</summary>
    private static readonly string[] Regions =
        ["cn-hangzhou", "cn-hangzhou", "cn-hangzhou", "cn-hangzhou", "cn-hangzhou", "cn-hangzhou", "cn-shanghai", "ap-southeast-1", "us-west-1", "x"];

    /// <summary>Strings that look like region IDs but are not, as the client defines them (they become part of a host name).</summary>
    private static readonly string[] NotRegionIds =
        ["CN-HANGZHOU", "cn_hangzhou", "-cn-hangzhou", "cn-hangzhou-", "cn.hangzhou", "cn hangzhou", "cn-hangzhou/x", "杭州", new string('a', 65)];

    private static readonly string[] Blank = ["", " ", "   ", "\t", "\r\n", "\u00A0", "\u3000", "\u2028", "\u0085", "\u000B\u000C"];

    private static readonly string[] NonAscii =
        ["实例-1", "i-ñandú", "ecs.g6.lárge", "😀", "i-😀-1", "\u202Eabc", "\uFEFFi-1", "e\u0301", "\uFFFF", "\uFFFE", "ʻokina", "\u200B", "Ωmega", "𝔘𝔫𝔦"];

    private static readonly string[] LoneSurrogates = ["\uD800", "a\uDC00", "i-\uDBFF", "\uDFFFx", "😀\uD83D"];

    /// <summary>Characters the form encoding and the signature's percent-encoding must treat alike.</summary>
    private static readonly string[] Reserved =
        ["a+b", "a b", "a&b=c", "%20", "%", "*", "~", "/", "'\"<>", "a%2Bb", "-_.", "!$()", "=", "?x=1#f", "[]{}|\\^`"];

    private static readonly string[] LongUnits = ["a", "é", "中", "😀", " x", "%2B", "\u0001"];

    private static readonly TimeSpan[] Offsets =
    [
        TimeSpan.Zero, TimeSpan.FromHours(14), TimeSpan.FromHours(-12), new(5, 45, 0), TimeSpan.FromHours(9), -new TimeSpan(3, 30, 0),
        TimeSpan.FromHours(1),
    ];

    public static Arbitrary<RequestCase> Cases { get; } = Arb.From(Gen.Frequency(
        (1, Prepay.Select(c => (RequestCase)c)),
        (1, Spec.Select(c => (RequestCase)c))));

    private static Gen<PrepayCase> Prepay =>
        from regionId in Region(required: true)
        from instanceId in Text(Gen.Elements(PrepaidInstances))
        from instanceType in Text(Gen.Elements(InstanceTypes))
        from operatorType in OddEnum<OperatorType>()
        from clientToken in ClientToken
        from autoPay in OddBool
        from migrate in OddBool
        from systemDisk in OddEnum<SystemDiskCategory>()
        from rebootTime in Gen.Frequency((3, Gen.Constant((DateTimeOffset?)null)), (1, AnyTime.Select(t => (DateTimeOffset?)t)))
        from endTime in Gen.Frequency((3, Gen.Constant((DateTimeOffset?)null)), (1, AnyTime.Select(t => (DateTimeOffset?)t)))
        from reboot in OddBool
        from modifyMode in Gen.Frequency((6, Gen.Constant((string?)null)), (1, Text(Gen.Elements("Immediate", "Offline", "x"))))
        from disks in Disks
        from throwing in Gen.Elements(true, false)
        from autoToken in Gen.Elements(true, false)
        select new PrepayCase(
            new ModifyPrepayInstanceSpecRequest
            {
                RegionId = regionId!,
                InstanceId = instanceId!,
                InstanceType = instanceType!,
                OperatorType = operatorType,
                ClientToken = clientToken,
                AutoPay = autoPay,
                MigrateAcrossZone = migrate,
                SystemDiskCategory = systemDisk,
                RebootTime = rebootTime,
                EndTime = endTime,
                RebootWhenFinished = reboot,
                ModifyMode = modifyMode,
                Disks = disks,
            },
            throwing,
            autoToken);

    /// <summary>Mostly one kind of change per call (a type, a bandwidth, a temporary upgrade), sometimes any mix.</summary>
    private static Gen<SpecCase> Spec =>
        from kind in Gen.Frequency((4, Gen.Constant(SpecChange.Type)), (4, Gen.Constant(SpecChange.Bandwidth)), (3, Gen.Constant(SpecChange.Temporary)), (2, Gen.Constant(SpecChange.Any)))
        from regionId in Gen.Frequency((3, Gen.Constant((string?)null)), (2, Region(required: false)))
        from instanceId in Text(Gen.Elements(PostpaidInstances))
        from instanceType in kind switch
        {
            SpecChange.Type => Text(Gen.Elements(InstanceTypes)),
            SpecChange.Any => Gen.Frequency((1, Gen.Constant((string?)null)), (1, Text(Gen.Elements(InstanceTypes)))),
            _ => Gen.Frequency((12, Gen.Constant((string?)null)), (1, Text(Gen.Elements(InstanceTypes)))),
        }
        from bandwidthOut in kind switch
        {
            SpecChange.Bandwidth or SpecChange.Any => OddInt(0, 100),
            _ => Gen.Frequency((12, Gen.Constant((int?)null)), (1, OddInt(0, 100))),
        }
        from bandwidthIn in kind switch
        {
            SpecChange.Bandwidth or SpecChange.Any => OddInt(1, 200),
            _ => Gen.Frequency((12, Gen.Constant((int?)null)), (1, OddInt(1, 200))),
        }
        from window in kind switch
        {
            SpecChange.Temporary or SpecChange.Any => Window,
            _ => Gen.Frequency((12, Gen.Constant<(DateTimeOffset?, DateTimeOffset?)>((null, null))), (1, Window)),
        }
        from temporaryOut in kind switch
        {
            SpecChange.Temporary => Gen.Frequency((6, Gen.Choose(1, 100).Select(n => (int?)n)), (1, OddInt(1, 100))),
            SpecChange.Any => OddInt(1, 100),
            _ => Gen.Frequency((12, Gen.Constant((int?)null)), (1, OddInt(1, 100))),
        }
        from isAsync in OddBool
        from migrate in OddBool
        from systemDisk in OddEnum<SystemDiskCategory>()
        from clientToken in ClientToken
        from throwing in Gen.Elements(true, false)
        from autoToken in Gen.Elements(true, false)
        select new SpecCase(
            new ModifyInstanceSpecRequest
            {
                RegionId = regionId,
                InstanceId = instanceId!,
                InstanceType = instanceType,
                InternetMaxBandwidthOut = bandwidthOut,
                InternetMaxBandwidthIn = bandwidthIn,
                TemporaryStartTime = window.Item1,
                TemporaryEndTime = window.Item2,
                TemporaryInternetMaxBandwidthOut = temporaryOut,
                Async = isAsync,
                AllowMigrateAcrossZone = migrate,
                SystemDiskCategory = systemDisk,
                ClientToken = clientToken,
            },
            throwing,
            autoToken);

    private enum SpecChange
    {
        Type,
        Bandwidth,
        Temporary,
        Any,
    }

    /// <summary>A string parameter: mostly <paramref name="plausible"/>, otherwise one of the odd kinds of text.</summary>
    private static Gen<string?> Text(Gen<string> plausible) => Gen.Frequency(
        (80, plausible.Select(s => (string?)s)),
        (2, Gen.Constant((string?)null)),
        (2, Gen.Elements(Blank).Select(s => (string?)s)),
        (2, WithControlCharacter(plausible).Select(s => (string?)s)),
        (2, Gen.Elements(NonAscii).Select(s => (string?)s)),
        (1, Gen.Elements(LoneSurrogates).Select(s => (string?)s)),
        (2, Gen.Elements(Reserved).Select(s => (string?)s)),
        (1, VeryLong.Select(s => (string?)s)),
        (2, RandomText.Select(s => (string?)s)));

    private static Gen<string?> Region(bool required) => Gen.Frequency(
        (12, Gen.Elements(Regions).Select(s => (string?)s)),
        (2, Gen.Elements(NotRegionIds).Select(s => (string?)s)),
        (required ? 4 : 1, Text(Gen.Elements("cn-hangzhou"))));

    /// <summary>A <c>ClientToken</c>: often none, often a random valid one (32 hex digits), otherwise odd (too long, non-ASCII, control, blank).</summary>
    private static Gen<string?> ClientToken => Gen.Frequency(
        (8, Gen.Constant((string?)null)),
        (6, Gen.ArrayOf(Gen.Elements("0123456789abcdef".ToCharArray()), 32).Select(hex => (string?)new string(hex))),
        (2, Gen.Choose(1, 64).SelectMany(n => Gen.ArrayOf(Gen.Choose(0x20, 0x7E).Select(c => (char)c), n)).Select(c => (string?)new string(c))),
        (1, Gen.Elements<string?>("", " ", "    ", new string('t', 64), new string('t', 65), new string('x', 300), "tökén", "a\nb", "a\u007Fb", "\u0000", "令牌")),
        (1, Text(Gen.Elements("token-1"))));

    private static Gen<string> WithControlCharacter(Gen<string> plausible) =>
        from text in plausible
        from control in Gen.Frequency((4, Gen.Choose(0, 0x1F)), (1, Gen.Elements(0x7F, 0x80, 0x85, 0x9F)))
        from at in Gen.Choose(0, text.Length)
        select text.Insert(at, ((char)control).ToString());

    private static Gen<string> VeryLong =>
        from unit in Gen.Elements(LongUnits)
        from count in Gen.Frequency((9, Gen.Choose(65, 4096)), (1, Gen.Choose(30_000, 70_000)))
        select new StringBuilder(unit.Length * count).Insert(0, unit, count).ToString();

    /// <summary>Any UTF-16 code units, lone surrogates included, and some characters outside the BMP.</summary>
    private static Gen<string> RandomText =>
        from length in Gen.Choose(1, 40)
        from units in Gen.ArrayOf(Gen.Frequency(
            (6, Gen.Choose(0x20, 0x7E).Select(c => ((char)c).ToString())),
            (3, Gen.Choose(0, 0xFFFF).Select(c => ((char)c).ToString())),
            (1, Gen.Choose(0x10000, 0x10FFFF).Select(char.ConvertFromUtf32))), length)
        select string.Concat(units);

    private static Gen<int?> OddInt(int min, int max) => Gen.Frequency(
        (3, Gen.Constant((int?)null)),
        (8, Gen.Choose(min, max).Select(n => (int?)n)),
        (3, Gen.Elements(min - 1, min, max, max + 1).Select(n => (int?)n)),
        (1, Gen.Elements(int.MinValue, int.MaxValue, -1, 0, 1000, 1 << 20).Select(n => (int?)n)),
        (1, Gen.Choose(-1_000_000, 1_000_000).Select(n => (int?)n)));

    private static Gen<bool?> OddBool => Gen.Elements<bool?>(null, null, true, false);

    /// <summary>Null, a documented member, or a value the enum does not define.</summary>
    private static Gen<TEnum?> OddEnum<TEnum>()
        where TEnum : struct, Enum => Gen.Frequency(
        (6, Gen.Constant((TEnum?)null)),
        (6, Gen.Elements(Enum.GetValues<TEnum>()).Select(v => (TEnum?)v)),
        (1, Gen.Elements(-1, 2, 7, int.MaxValue, int.MinValue).Select(n => (TEnum?)(TEnum)Enum.ToObject(typeof(TEnum), n))));

    /// <summary>Any time: the extremes (also as local times at the far offsets), and times around the emulator's clock in many offsets.</summary>
    private static Gen<DateTimeOffset> AnyTime => Gen.Frequency(
        (1, Gen.Elements(
            DateTimeOffset.MinValue,
            DateTimeOffset.MaxValue,
            DateTimeOffset.UnixEpoch,
            new DateTimeOffset(DateTime.MinValue.AddHours(14), TimeSpan.FromHours(14)),
            new DateTimeOffset(DateTime.MaxValue.AddHours(-12), TimeSpan.FromHours(-12)),
            new DateTimeOffset(DateTime.MaxValue.AddTicks(-1), TimeSpan.Zero),
            new DateTimeOffset(DateTime.MinValue.AddTicks(1), TimeSpan.Zero))),
        (6, NearNow));

    private static Gen<DateTimeOffset> NearNow =>
        from seconds in Gen.Choose(-40_000_000, 40_000_000)
        from ticks in Gen.Choose(0, (int)TimeSpan.TicksPerSecond - 1)
        from offset in Gen.Elements(Offsets)
        select Support.Harness.Start.AddSeconds(seconds).AddTicks(ticks).ToOffset(offset);

    /// <summary>
    /// A temporary upgrade window: mostly a valid one, otherwise an empty one (both ends in the same second), a
    /// reversed one, one end missing, the extremes, or two unrelated times.
    /// </summary>
    private static Gen<(DateTimeOffset?, DateTimeOffset?)> Window => Gen.Frequency(
        (8, from start in NearNow
            from seconds in Gen.Frequency((3, Gen.Choose(1, 3600)), (1, Gen.Choose(1, 100_000_000)))
            from offset in Gen.Elements(Offsets)
            select ((DateTimeOffset?)start, (DateTimeOffset?)start.AddSeconds(seconds).ToOffset(offset))),
        (1, from start in NearNow
            from ticks in Gen.Choose(0, (int)TimeSpan.TicksPerSecond - 1)
            let second = start.AddTicks(-(start.UtcTicks % TimeSpan.TicksPerSecond))
            select ((DateTimeOffset?)second, (DateTimeOffset?)second.AddTicks(ticks))),
        (1, from start in NearNow
            from seconds in Gen.Choose(1, 100_000)
            select ((DateTimeOffset?)start, (DateTimeOffset?)start.AddSeconds(-seconds))),
        (1, from time in AnyTime
            from startOnly in Gen.Elements(true, false)
            select startOnly ? ((DateTimeOffset?)time, (DateTimeOffset?)null) : ((DateTimeOffset?)null, (DateTimeOffset?)time)),
        (1, Gen.Elements<(DateTimeOffset?, DateTimeOffset?)>(
            (DateTimeOffset.MinValue, DateTimeOffset.MaxValue),
            (DateTimeOffset.MaxValue, DateTimeOffset.MinValue),
            (DateTimeOffset.MinValue, DateTimeOffset.MinValue),
            (new DateTimeOffset(DateTime.MinValue.AddHours(14), TimeSpan.FromHours(14)), new DateTimeOffset(DateTime.MaxValue.AddHours(-12), TimeSpan.FromHours(-12))))),
        (1, from start in AnyTime from end in AnyTime select ((DateTimeOffset?)start, (DateTimeOffset?)end)));

    /// <summary><c>Disk.N.*</c>: mostly none; otherwise an empty list, a list with null items, or one to three disks of odd values.</summary>
    private static Gen<IReadOnlyList<ModifyPrepayInstanceSpecDisk>?> Disks => Gen.Frequency(
        (10, Gen.Constant((IReadOnlyList<ModifyPrepayInstanceSpecDisk>?)null)),
        (1, Gen.Constant((IReadOnlyList<ModifyPrepayInstanceSpecDisk>?)Array.Empty<ModifyPrepayInstanceSpecDisk>())),
        (1, from count in Gen.Choose(1, 3)
            from disks in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant((ModifyPrepayInstanceSpecDisk?)null)), (2, Disk.Select(d => (ModifyPrepayInstanceSpecDisk?)d))), count)
            select (IReadOnlyList<ModifyPrepayInstanceSpecDisk>?)disks.Select(d => d!).ToArray()),
        (3, from count in Gen.Choose(1, 3)
            from disks in Gen.ArrayOf(Disk, count)
            select (IReadOnlyList<ModifyPrepayInstanceSpecDisk>?)disks));

    private static Gen<ModifyPrepayInstanceSpecDisk> Disk =>
        from diskId in Gen.Frequency((1, Gen.Constant((string?)null)), (3, Text(Gen.Elements("d-bp1", "d-bp2"))))
        from category in Gen.Frequency((1, Gen.Constant((string?)null)), (3, Text(Gen.Elements("cloud_essd", "cloud_ssd", "cloud_auto"))))
        from level in Gen.Frequency((2, Gen.Constant((string?)null)), (1, Text(Gen.Elements("PL0", "PL1", "PL3"))))
        select new ModifyPrepayInstanceSpecDisk { DiskId = diskId, Category = category, PerformanceLevel = level };
}

/// <summary>
/// The documented rules of both requests, written again from the API documents, independently of the client's
/// validation: which properties of a request break a rule. The fuzzer checks that the client refuses exactly the
/// requests that break one, naming one of the properties at fault.
/// </summary>
internal static class DocumentedRules
{
    /// <summary>The wire name (or its stem) each property's error message must name.</summary>
    public static readonly IReadOnlyDictionary<string, string> WireNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["RegionId"] = "RegionId",
        ["InstanceId"] = "InstanceId",
        ["InstanceType"] = "InstanceType",
        ["OperatorType"] = "OperatorType",
        ["ClientToken"] = "ClientToken",
        ["SystemDiskCategory"] = "SystemDisk.Category",
        ["ModifyMode"] = "ModifyMode",
        ["Disks"] = "Disk",
        ["InternetMaxBandwidthOut"] = "InternetMaxBandwidthOut",
        ["InternetMaxBandwidthIn"] = "InternetMaxBandwidthIn",
        ["TemporaryInternetMaxBandwidthOut"] = "Temporary.InternetMaxBandwidthOut",
        ["TemporaryStartTime"] = "Temporary.StartTime",
        ["TemporaryEndTime"] = "Temporary.EndTime",
    };

    public static IReadOnlySet<string> Broken(RequestCase c) => c switch
    {
        PrepayCase p => Broken(p.Request),
        SpecCase s => Broken(s.Request),
        _ => throw new ArgumentOutOfRangeException(nameof(c)),
    };

    public static IReadOnlySet<string> Broken(ModifyPrepayInstanceSpecRequest r)
    {
        var broken = new HashSet<string>(StringComparer.Ordinal);
        Check(broken, "RegionId", BadRegionId(r.RegionId, required: true));
        Check(broken, "InstanceId", BadText(r.InstanceId, required: true));
        Check(broken, "InstanceType", BadText(r.InstanceType, required: true));
        Check(broken, "OperatorType", r.OperatorType is { } op && !Enum.IsDefined(op));
        Check(broken, "ClientToken", BadClientToken(r.ClientToken));
        Check(broken, "SystemDiskCategory", r.SystemDiskCategory is { } category && !Enum.IsDefined(category));
        Check(broken, "ModifyMode", BadText(r.ModifyMode, required: false));
        Check(broken, "Disks", r.Disks is { } disks && disks.Any(d =>
            d is null
            || BadText(d.DiskId, required: false) || BadText(d.Category, required: false) || BadText(d.PerformanceLevel, required: false)
            || (d.DiskId is null && d.Category is null && d.PerformanceLevel is null)
            // MissingParameter.DiskCategory: Disk.Category can not be null when Disk.DiskId is specified.
            || (d.DiskId is not null && d.Category is null)));
        return broken;
    }

    public static IReadOnlySet<string> Broken(ModifyInstanceSpecRequest r)
    {
        var broken = new HashSet<string>(StringComparer.Ordinal);
        Check(broken, "RegionId", BadRegionId(r.RegionId, required: false));
        Check(broken, "InstanceId", BadText(r.InstanceId, required: true));
        Check(broken, "InstanceType", BadText(r.InstanceType, required: false));
        Check(broken, "InternetMaxBandwidthOut", r.InternetMaxBandwidthOut is < 0 or > 100);
        Check(broken, "InternetMaxBandwidthIn", r.InternetMaxBandwidthIn is < 1 or > 200);
        Check(broken, "TemporaryInternetMaxBandwidthOut", r.TemporaryInternetMaxBandwidthOut is < 1 or > 100);
        Check(broken, "SystemDiskCategory", r.SystemDiskCategory is { } category && !Enum.IsDefined(category));
        Check(broken, "ClientToken", BadClientToken(r.ClientToken));

        // One call changes either the instance type or the bandwidth (both revisions), and asks for something.
        var bandwidth = r.InternetMaxBandwidthOut is not null || r.InternetMaxBandwidthIn is not null
            || r.TemporaryInternetMaxBandwidthOut is not null || r.TemporaryStartTime is not null || r.TemporaryEndTime is not null;
        Check(broken, "InstanceType", r.InstanceType is not null && bandwidth);
        Check(broken, "InstanceType", r.InstanceType is null && !bandwidth && r.Disks is not { Count: > 0 } && r.DryRun != true);

        // MissingTemporary.StartTime / MissingTemporary.EndTime: a temporary upgrade has both ends, after each other. No
        // revision requires the bandwidth with the window.
        Check(broken, "TemporaryStartTime", r.TemporaryStartTime is null && (r.TemporaryEndTime is not null || r.TemporaryInternetMaxBandwidthOut is not null));
        Check(broken, "TemporaryEndTime", r.TemporaryEndTime is null && r.TemporaryStartTime is not null);
        Check(broken, "TemporaryEndTime", r.TemporaryStartTime is { } start && r.TemporaryEndTime is { } end
            && end.UtcTicks / TimeSpan.TicksPerSecond <= start.UtcTicks / TimeSpan.TicksPerSecond);
        return broken;
    }

    private static void Check(HashSet<string> broken, string property, bool isBroken)
    {
        if (isBroken)
        {
            broken.Add(property);
        }
    }

    /// <summary>Required and missing, empty or white space, or not one UTF-8 text (a lone surrogate).</summary>
    private static bool BadText(string? value, bool required) =>
        value is null ? required : string.IsNullOrWhiteSpace(value) || HasLoneSurrogate(value);

    /// <summary>A region ID becomes part of the endpoint's host name: lower-case letters, digits and inner hyphens, at most 64.</summary>
    private static bool BadRegionId(string? value, bool required) =>
        BadText(value, required)
        || (value is not null && (value.Length > 64 || value[0] == '-' || value[^1] == '-' || value.Any(c => c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))));

    /// <summary>ClientToken: ASCII only, 1 to 64 characters (every revision); nothing more.</summary>
    private static bool BadClientToken(string? value) =>
        value is not null && (value.Length is 0 or > 64 || value.Any(c => c > '\u007F'));

    private static bool HasLoneSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return true;
            }
        }

        return false;
    }
}
