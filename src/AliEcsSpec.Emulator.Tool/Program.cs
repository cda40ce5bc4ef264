// A console host has no synchronization context to avoid, so ConfigureAwait adds nothing here.
#pragma warning disable CA2007

using System.CommandLine;

namespace AliEcsSpec.Emulator.Tool;

/// <summary>
/// <c>aliecs-emulator</c>: the emulator standalone, for tests in any language (<c>aliecs-emulator --port 8085
/// --admin</c>). Exit codes: 0 after <c>--help</c> or a stop by SIGINT/SIGTERM, 1 when it cannot listen, 2 for a bad
/// command line (the reason and the usage on stderr).
/// </summary>
internal static class Program
{
    public const int CannotListen = 1;
    public const int UsageError = 2;

    public static async Task<int> Main(string[] args)
    {
        var commandLine = new EmulatorCommandLine();
        var parsed = commandLine.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            return RefuseUsage(commandLine, parsed.Errors.Select(e => e.Message));
        }

        if (parsed.Action is not null)
        {
            // --help or --version: written to stdout, exit code 0.
            return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
        }

        return await RunAsync(commandLine, commandLine.Read(parsed));
    }

    private static async Task<int> RunAsync(EmulatorCommandLine commandLine, ToolSettings settings)
    {
        // Registered before the start, so that a signal during it is not lost.
        using var shutdown = new ShutdownSignal();
        EcsEmulator emulator;
        try
        {
            emulator = await EcsEmulator.StartAsync(settings.Options, shutdown.Token);
        }
        catch (ArgumentException exception)
        {
            // A seed file that is JSON but not a usable fleet (a duplicate ID, an instance of an unknown account).
            return RefuseUsage(commandLine, [exception.Message]);
        }
        catch (IOException exception)
        {
            Console.Error.WriteLine(exception.Message);
            return CannotListen;
        }
        catch (OperationCanceledException)
        {
            return 0;
        }

        await using (emulator)
        {
            if (settings.RandomFaults is { } random)
            {
                emulator.Faults.Random(random.Rate, random.Seed, random.Mix, random.Key);
            }

            Console.WriteLine($"ECS emulator listening on {emulator.Endpoint}");
            Console.WriteLine($"  AccessKeyId:     {emulator.AccessKeyId}");
            Console.WriteLine($"  AccessKeySecret: {emulator.AccessKeySecret}   (local demo value)");
            Console.WriteLine($"  Instances:       {emulator.State.Instances.Count}; admin routes {(settings.Options.EnableAdminRoutes ? "on" : "off")}; Ctrl+C or SIGTERM stops it.");
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, shutdown.Token);
            }
            catch (OperationCanceledException)
            {
                Console.WriteLine("ECS emulator stopping.");
            }
        }

        return 0;
    }

    /// <summary>Writes the reasons and the usage to stderr (stdout stays for what a script reads) and returns 2.</summary>
    private static int RefuseUsage(EmulatorCommandLine commandLine, IEnumerable<string> reasons)
    {
        foreach (var reason in reasons)
        {
            Console.Error.WriteLine(reason);
        }

        Console.Error.WriteLine();
        commandLine.Parse(["--help"]).Invoke(new InvocationConfiguration { Output = Console.Error, ProcessTerminationTimeout = null });
        return UsageError;
    }
}
