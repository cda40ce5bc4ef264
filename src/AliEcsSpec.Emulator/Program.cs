// A console host has no synchronization context to avoid, so ConfigureAwait adds nothing here.
#pragma warning disable CA2007

using System.Globalization;

namespace AliEcsSpec.Emulator;

/// <summary>Runs the emulator standalone: <c>dotnet run --project src/AliEcsSpec.Emulator -- --port 8085</c>.</summary>
internal static class Program
{
    private const string Usage = """
        Usage: AliEcsSpec.Emulator [--port N] [--seed FILE.json] [--admin] [--apply-delay SECONDS] [--order-id-as-number]
                              [--revision newer|older]
          --port N               listen on 127.0.0.1:N (default 8085; 0 picks a free port)
          --seed FILE            start from a JSON seed instead of the demo fleet
          --admin                serve GET /_emulator/state
          --apply-delay SECONDS  when new instance types apply (default 5)
          --order-id-as-number   answer OrderId as a number, like the older API revision
          --revision newer|older which revision of the API documents the rules follow (default newer)
        """;

    public static async Task<int> Main(string[] args)
    {
        var options = new EcsEmulatorOptions { Port = 8085 };
        if (Parse(args, options) is { } exitCode)
        {
            return exitCode;
        }

        await using var emulator = await EcsEmulator.StartAsync(options);
        Console.WriteLine($"ECS emulator listening on {emulator.Endpoint}");
        Console.WriteLine($"  AccessKeyId:     {emulator.AccessKeyId}");
        Console.WriteLine($"  AccessKeySecret: {emulator.AccessKeySecret}   (local demo value)");
        Console.WriteLine($"  Instances:       {emulator.State.Instances.Count}; press Ctrl+C to stop.");

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: stop gracefully.
        }

        return 0;
    }

    /// <summary>Applies the command line to <paramref name="options"/>; an exit code when the emulator must not start.</summary>
    internal static int? Parse(string[] args, EcsEmulatorOptions options)
    {
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--port" when i + 1 < args.Length:
                    options.Port = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--seed" when i + 1 < args.Length:
                    options.Seed = EmulatorSeed.FromJsonFile(args[++i]);
                    break;
                case "--admin":
                    options.EnableAdminRoutes = true;
                    break;
                case "--apply-delay" when i + 1 < args.Length:
                    options.ApplyDelay = TimeSpan.FromSeconds(double.Parse(args[++i], CultureInfo.InvariantCulture));
                    break;
                case "--order-id-as-number":
                    options.OrderIdAsNumber = true;
                    break;
                case "--revision" when i + 1 < args.Length && args[i + 1] is "newer" or "older":
                    options.DocumentRevision = args[++i] == "older" ? EmulatorDocumentRevision.Older : EmulatorDocumentRevision.Newer;
                    break;
                default:
                    Console.Error.WriteLine(Usage);
                    return args[i] is "--help" or "-h" ? 0 : 2;
            }
        }

        return null;
    }
}
