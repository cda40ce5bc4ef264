using System.Diagnostics;
using AliEcsSpec.Client.Soak.Fleet;
using AliEcsSpec.Client.Soak.Wire;
using AliEcsSpec.Tests;
using AliEcsSpec.Client.Errors;

namespace AliEcsSpec.Client.Soak.Calls;

/// <summary>
/// The concurrent callers: caller <c>c</c> of <c>C</c> makes calls <c>c</c>, <c>c + C</c>, <c>c + 2C</c>, … one after
/// another, alternating between the clients it is given, each call under a watchdog. Every text a call hands back
/// (a response's or an error's <c>ToString()</c>, an exception's whole text) goes to the secrets witness.
/// </summary>
internal sealed class SoakCallers(CallPlanner planner, IReadOnlyList<IEcsSpecClient> clients, SecretsWitness witness, TimeSpan watchdog)
{
    /// <summary>Runs <paramref name="calls"/> calls from <paramref name="callers"/> callers; the outcomes by call index.</summary>
    public async Task<IReadOnlyList<CallOutcome>> RunAsync(int calls, int callers, IProgress<int>? progress = null)
    {
        var outcomes = new CallOutcome[calls];
        var done = 0;
        await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            var client = clients[caller % clients.Count];
            for (var index = caller; index < calls; index += callers)
            {
                outcomes[index] = await CallAsync(client, planner.Plan(index, caller));
                progress?.Report(Interlocked.Increment(ref done));
            }
        })));
        return outcomes;
    }

    private async Task<CallOutcome> CallAsync(IEcsSpecClient client, PlannedCall call)
    {
        // Flows into the client's handlers, so the wire recorder files each attempt under this call.
        WireRecorder.CurrentCall = call.Index;
        using var abandon = new CancellationTokenSource();
        var started = Stopwatch.GetTimestamp();
        Task<(string? Token, string? OrderId, string Text)>? task = null;
        try
        {
            task = call.Prepay is { } prepay
                ? Send(client.ModifyPrepayInstanceSpecAsync(prepay, abandon.Token))
                : Send(client.ModifyInstanceSpecAsync(call.PayAsYouGo!, abandon.Token));
            var (token, orderId, text) = await task.WaitAsync(watchdog);
            witness.Witness(text);
            return new CallOutcome(call, Stopwatch.GetElapsedTime(started)) { Succeeded = true, ReportedToken = token, OrderId = orderId };
        }
        catch (TimeoutException) when (task is { IsCompleted: false })
        {
            // A hang, counted as a call that ended untyped; cancel it so it does not run on behind the report.
            await abandon.CancelAsync();
            return new CallOutcome(call, Stopwatch.GetElapsedTime(started)) { Hung = true };
        }
        catch (EcsException exception)
        {
            witness.Witness(exception);
            var outcome = new CallOutcome(call, Stopwatch.GetElapsedTime(started)) { Failure = exception, ReportedToken = exception.ClientToken };
            if (outcome.Error is { } error)
            {
                witness.Witness(error.ToString());
            }

            return outcome;
        }
#pragma warning disable CA1031 // Anything but success or an EcsException is exactly what the soak counts; it must not end the run.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            witness.Witness(exception);
            return new CallOutcome(call, Stopwatch.GetElapsedTime(started)) { Untyped = exception };
        }
        finally
        {
            WireRecorder.CurrentCall = null;
        }
    }

    private static async Task<(string? Token, string? OrderId, string Text)> Send(Task<ModifyPrepayInstanceSpecResponse> call)
    {
        var response = await call;
        return (response.ClientToken, response.OrderId, response.ToString());
    }

    private static async Task<(string? Token, string? OrderId, string Text)> Send(Task<ModifyInstanceSpecResponse> call)
    {
        var response = await call;
        return (response.ClientToken, null, response.ToString());
    }
}
