namespace AliEcsSpec.Samples.Quickstart;

/// <summary>The command line: nothing for the emulator session, or <c>--live</c> with what a real call needs.</summary>
internal sealed record QuickstartArguments
{
    public const string Usage = """
        Usage:
          AliEcsSpec.Samples.Quickstart                      run the session against the local emulator
          AliEcsSpec.Samples.Quickstart --live --region ID --instance-id ID --instance-type TYPE [--prepaid] [--endpoint URL]
                                                             one real call (costs money); credentials from
                                                             ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET
        """;

    public bool Live { get; private init; }

    public string? Region { get; private init; }

    public Uri? Endpoint { get; private init; }

    public string? InstanceId { get; private init; }

    public string? InstanceType { get; private init; }

    public bool Prepaid { get; private init; }

    public string? Error { get; private init; }

    public static QuickstartArguments Parse(string[] args)
    {
        var parsed = new QuickstartArguments();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            try
            {
                parsed = args[i] switch
                {
                    "--live" => parsed with { Live = true },
                    "--region" => parsed with { Region = Next() },
                    "--endpoint" => parsed with { Endpoint = new Uri(Next()) },
                    "--instance-id" => parsed with { InstanceId = Next() },
                    "--instance-type" => parsed with { InstanceType = Next() },
                    "--prepaid" => parsed with { Prepaid = true },
                    _ => throw new ArgumentException($"unknown argument {args[i]}"),
                };
            }
            catch (Exception e) when (e is ArgumentException or UriFormatException)
            {
                return new QuickstartArguments { Error = e.Message + Environment.NewLine + Usage };
            }
        }

        if (!parsed.Live && (parsed.Region ?? parsed.InstanceId ?? parsed.InstanceType ?? parsed.Endpoint?.ToString()) is not null)
        {
            return new QuickstartArguments { Error = "Real calls cost money: add --live to talk to a real endpoint." + Environment.NewLine + Usage };
        }

        if (parsed.Live && (parsed.Region is null || parsed.InstanceId is null || parsed.InstanceType is null))
        {
            return new QuickstartArguments { Error = "--live needs --region, --instance-id and --instance-type." + Environment.NewLine + Usage };
        }

        return parsed;
    }
}
