namespace AliEcsSpec.Emulator.Rules;

/// <summary>ModifyInstanceSpec's public bandwidth: the lasting one and the temporary upgrade.</summary>
internal static class BandwidthRules
{
    /// <summary>What can be checked without the instance.</summary>
    public static ServiceError? CheckForm(IReadOnlyDictionary<string, string> p, bool newer)
    {
        if (p.TryGetValue("InternetMaxBandwidthOut", out var outText) && !Parameters.InRange(outText, 0, 100))
        {
            return ServiceError.InvalidParameter("The specified parameter \"InternetMaxBandwidthOut\" is not valid.");
        }

        // 004: 1 to 200. 003: at least 1, and at most what CheckForInstance works out from the outbound bandwidth.
        if (p.TryGetValue("InternetMaxBandwidthIn", out var inText) && !Parameters.InRange(inText, 1, newer ? int.MaxValue : 200))
        {
            return InvalidBandwidth;
        }

        var hasTemporary = p.ContainsKey("Temporary.InternetMaxBandwidthOut") || p.ContainsKey("Temporary.StartTime") || p.ContainsKey("Temporary.EndTime");
        if (!hasTemporary)
        {
            return null;
        }

        if (!p.TryGetValue("Temporary.StartTime", out var startText))
        {
            return new ServiceError(404, "MissingTemporary.StartTime", "Temporary.StartTime is not specified.");
        }

        if (!p.TryGetValue("Temporary.EndTime", out var endText))
        {
            return new ServiceError(404, "MissingTemporary.EndTime", "Temporary.EndTime is not specified.");
        }

        if (Parameters.SecondTime(startText) is not { } start)
        {
            return new ServiceError(400, "InvalidTemporary.StartTime", "The specifed Temporary.StartTime is not valid.");
        }

        if (Parameters.SecondTime(endText) is not { } end || end <= start)
        {
            return new ServiceError(400, "InvalidTemporary.EndTime", "The specifed Temporary.EndTime is not valid.");
        }

        // No document requires the temporary bandwidth with a window; when it is sent, 003 and 004 give 1 to 100.
        if (p.TryGetValue("Temporary.InternetMaxBandwidthOut", out var temporaryText) && !Parameters.InRange(temporaryText, 1, 100))
        {
            return ServiceError.InvalidParameter("The specified parameter \"Temporary.InternetMaxBandwidthOut\" is not valid.");
        }

        return null;
    }

    /// <summary>What depends on the instance: its state, its outbound bandwidth (003) and an EIP.</summary>
    public static ServiceError? CheckForInstance(EmulatorInstance instance, IReadOnlyDictionary<string, string> p, bool newer)
    {
        if (instance.Status is not (InstanceStatus.Running or InstanceStatus.Stopped))
        {
            return new ServiceError(403, "InvalidStatus.ValueNotSupported", "The current status of the resource does not support this operation.");
        }

        // 003: 1 to 10 while the outbound bandwidth is at most 10 Mbit/s, otherwise 1 to the outbound bandwidth.
        if (newer && p.TryGetValue("InternetMaxBandwidthIn", out var inText))
        {
            var outbound = p.TryGetValue("InternetMaxBandwidthOut", out var outText) ? Parameters.Int(outText)!.Value : instance.InternetMaxBandwidthOut;
            if (Parameters.Int(inText)!.Value > Math.Max(10, outbound))
            {
                return InvalidBandwidth;
            }
        }

        if (p.ContainsKey("Temporary.InternetMaxBandwidthOut") && instance.EipBound)
        {
            return new ServiceError(400, "BandwidthUpgradeDenied.EipBoundInstance", "The specified VPC instance has bound EIP, temporary bandwidth upgrade is denied.");
        }

        return null;
    }

    /// <summary>The instance with the requested bandwidth (unchanged when only a window without a bandwidth was sent).</summary>
    public static EmulatorInstance Apply(EmulatorInstance instance, IReadOnlyDictionary<string, string> p) => instance with
    {
        InternetMaxBandwidthOut = p.TryGetValue("InternetMaxBandwidthOut", out var o) ? Parameters.Int(o)!.Value : instance.InternetMaxBandwidthOut,
        InternetMaxBandwidthIn = p.TryGetValue("InternetMaxBandwidthIn", out var i) ? Parameters.Int(i)!.Value : instance.InternetMaxBandwidthIn,
        TemporaryBandwidth = p.TryGetValue("Temporary.InternetMaxBandwidthOut", out var t)
            ? new TemporaryBandwidth(Parameters.SecondTime(p["Temporary.StartTime"])!.Value, Parameters.SecondTime(p["Temporary.EndTime"])!.Value, Parameters.Int(t)!.Value)
            : instance.TemporaryBandwidth,
    };

    private static ServiceError InvalidBandwidth => new(400, "InvalidParameter.Bandwidth", "The specified parameter Bandwidth is not valid.");
}
