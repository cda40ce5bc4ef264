using System.Net;
using AliEcsSpec.Client;
using AliEcsSpec.Emulator.Tests.Support;
using AliEcsSpec.Tests;

namespace AliEcsSpec.Emulator.Tests.Faults;

/// <summary>Faults on demand, and how the client reports each one.</summary>
public sealed class FaultInjectionTests
{
    /// <summary>How long the fake clock waits between steps, so that requests over loopback keep pace with it.</summary>
    private static readonly TimeSpan LoopbackPause = TimeSpan.FromMilliseconds(5);

    private static readonly ModifyInstanceSpecRequest Bandwidth = new() { InstanceId = "i-postpaid-running-01", InternetMaxBandwidthOut = 20 };

    [Fact]
    public async Task Scripted_NextTwoCallsAnswerThrottling_ThenTheRealAnswer()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Faults.Next(InjectedFault.Throttling, count: 2, action: "ModifyInstanceSpec");

        var first = await h.Client.TryModifyInstanceSpecAsync(Bandwidth);
        var second = await h.Client.TryModifyInstanceSpecAsync(Bandwidth);
        var third = await h.Client.TryModifyInstanceSpecAsync(Bandwidth);

        Assert.Equal(("Throttling", "Throttling", true), (first.Error?.ErrorCode, second.Error?.ErrorCode, third.IsSuccess));
        Assert.Single(h.State.Changes);
    }

    [Fact]
    public async Task Scripted_FaultForAnotherAction_DoesNotApply()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Faults.Next(InjectedFault.InternalError, action: "ModifyPrepayInstanceSpec");

        var result = await h.Client.TryModifyInstanceSpecAsync(Bandwidth);

        Assert.True(result.IsSuccess);
    }

    [Fact]
    public async Task Scripted_FaultForAnotherInstance_DoesNotApply()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Faults.Next(InjectedFault.InternalError, instanceId: "i-postpaid-stopped-01");

        var other = await h.Client.TryModifyInstanceSpecAsync(Bandwidth);
        var target = await h.Client.TryModifyInstanceSpecAsync(Bandwidth with { InstanceId = "i-postpaid-stopped-01" });

        Assert.True(other.IsSuccess);
        Assert.Equal("InternalError", target.Error?.ErrorCode);
    }

    [Fact]
    public async Task NonJsonBadGateway_BecomesUnexpectedResponseWithTheStatus()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Faults.Next(InjectedFault.NonJsonBadGateway);

        var error = await Assert.ThrowsAsync<EcsUnexpectedResponseException>(() => h.Client.ModifyInstanceSpecAsync(Bandwidth with { ClientToken = "bw-502" }));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.StartsWith("<html> <head><title>502 Bad Gateway</title>", error.BodyExcerpt, StringComparison.Ordinal);
        Assert.True(error.IsRetryable);
        Assert.Empty(h.State.Changes);
    }

    [Fact]
    public async Task CloseConnectionAfterCommit_ClientLearnsTheOutcomeByRepeatingWithTheSameToken()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Faults.Next(InjectedFault.CloseConnectionAfterCommit);
        var request = Harness.Prepay("i-prepaid-running-01", "ecs.g5.xlarge") with { ClientToken = "lost-answer-1" };

        var lost = await Assert.ThrowsAsync<EcsTransportException>(() => h.Client.ModifyPrepayInstanceSpecAsync(request));
        var repeated = await h.Client.ModifyPrepayInstanceSpecAsync(request with { ClientToken = lost.ClientToken });

        Assert.True(lost.RequestMayHaveBeenSent);
        var order = Assert.Single(h.State.Orders);
        Assert.Equal(order.OrderId, repeated.OrderId);
    }

    [Fact]
    public async Task CloseConnectionAfterCommit_WithRetriesAndAGeneratedToken_EndsInOneSuccessAndOneOrder()
    {
        await using var h = await Harness.StartAsync(maxAttempts: 4, autoClientToken: true);
        h.Emulator.Faults.Next(InjectedFault.CloseConnectionAfterCommit);

        var response = await h.Time.RunAsync(h.Client.ModifyPrepayInstanceSpecAsync(Harness.Prepay("i-prepaid-running-01", "ecs.g5.xlarge")), LoopbackPause);
        var order = Assert.Single(h.State.Orders);
        Assert.Equal(order.OrderId, response.OrderId);
        Assert.Equal(order.ClientToken, response.ClientToken);
        Assert.Equal(2, h.State.RequestLog.Count(r => r.ClientToken == response.ClientToken));
    }

    [Fact]
    public async Task RandomFaults_WithRetriesAndGeneratedTokens_EveryCallEndsTypedAndNoChangeIsMadeTwice()
    {
        await using var h = await Harness.StartAsync(maxAttempts: 4, autoClientToken: true);
        h.Emulator.Faults.Random(0.5, seed: 11, [InjectedFault.Throttling, InjectedFault.InternalError, InjectedFault.NonJsonBadGateway, InjectedFault.CloseConnectionAfterCommit, InjectedFault.ClockSkew]);
        var fleet = Enumerable.Range(1, 12).Select(n => $"i-fleet-{n:000}").ToList();

        var results = await h.Time.RunAsync(
            Task.WhenAll(fleet.Select(id => h.Client.TryModifyInstanceSpecAsync(new ModifyInstanceSpecRequest { InstanceId = id, InstanceType = "ecs.g6.xlarge" }))),
            LoopbackPause);
        Assert.True(h.State.RequestLog.Count > fleet.Count, "the seed must inject faults that the client retries");
        Assert.True(results.Count(r => r.IsSuccess) > fleet.Count / 2, string.Join("\n", results.Where(r => !r.IsSuccess).Select(r => r.Error!.ToString())));
        foreach (var result in results)
        {
            var token = result.IsSuccess ? result.Value.ClientToken : result.Error.ClientToken;
            var changes = h.State.Changes.Count(c => c.ClientToken == token);
            Assert.True(changes <= 1, $"{changes} changes for ClientToken {token}");
            if (result.IsSuccess)
            {
                Assert.Equal(1, changes);
            }
        }
    }

    [Fact]
    public async Task ClockSkew_WithRetries_IsCorrectedFromTheDateHeaderAndTheCallSucceeds()
    {
        await using var h = await Harness.StartAsync(maxAttempts: 4, autoClientToken: true);
        using var skewed = h.ClientFor(EmulatorSeed.DemoAccessKeyId, EmulatorSeed.DemoAccessKeySecret, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Harness.Start.AddMinutes(-40)), maxAttempts: 4);

        var response = await skewed.ModifyInstanceSpecAsync(Bandwidth);

        Assert.NotNull(response.RequestId);
        Assert.Single(h.State.Changes);
    }

    [Fact]
    public async Task DelayAfterCommit_BeyondTheClientTimeout_IsATimeoutAfterTheChangeWasMade()
    {
        await using var h = await Harness.StartAsync(clientTimeout: TimeSpan.FromSeconds(5));
        h.Emulator.Faults.Next(InjectedFault.DelayAfterCommit(TimeSpan.FromSeconds(30)));

        var call = h.Client.ModifyInstanceSpecAsync(Bandwidth);
        await WaitForAsync(() => h.State.Changes.Count == 1);
        h.Time.Advance(TimeSpan.FromSeconds(5));

        var error = await Assert.ThrowsAsync<EcsTransportException>(() => call);
        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClockSkew_AnswersInvalidTimeStampExpired()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Faults.Next(InjectedFault.ClockSkew);

        var error = await Assert.ThrowsAsync<EcsAuthenticationException>(() => h.Client.ModifyInstanceSpecAsync(Bandwidth));

        Assert.Equal("InvalidTimeStamp.Expired", error.ErrorCode);
    }

    [Fact]
    public async Task Random_RateOne_InjectsFromTheMixEveryTimeAndIsReplayableBySeed()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Faults.Random(1.0, seed: 42, [InjectedFault.Throttling, InjectedFault.InternalError]);

        var codes = new List<string?>();
        for (var i = 0; i < 6; i++)
        {
            codes.Add((await h.Client.TryModifyInstanceSpecAsync(Bandwidth)).Error?.ErrorCode);
        }

        h.Emulator.Faults.Random(1.0, seed: 42, [InjectedFault.Throttling, InjectedFault.InternalError]);
        var replay = new List<string?>();
        for (var i = 0; i < 6; i++)
        {
            replay.Add((await h.Client.TryModifyInstanceSpecAsync(Bandwidth)).Error?.ErrorCode);
        }

        Assert.All(codes, c => Assert.Contains(c, new[] { "Throttling", "InternalError" }));
        Assert.Equal(codes, replay);
        Assert.Empty(h.State.Changes);
    }

    [Fact]
    public async Task ServiceUnavailable_WithAClientToken_BecomesARetryableServiceFailure()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Faults.Next(InjectedFault.ServiceUnavailable);

        var error = await Assert.ThrowsAsync<EcsServiceFailureException>(() => h.Client.ModifyInstanceSpecAsync(Bandwidth with { ClientToken = "bw-503" }));

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "ServiceUnavailable", true), (error.StatusCode, error.ErrorCode, error.IsRetryable));
    }

    [Fact]
    public async Task ServiceUnavailable_WithoutAClientToken_IsNotRetryable()
    {
        await using var h = await Harness.StartAsync();
        h.Emulator.Faults.Next(InjectedFault.ServiceUnavailable);

        var error = await Assert.ThrowsAsync<EcsServiceFailureException>(() => h.Client.ModifyInstanceSpecAsync(Bandwidth));

        Assert.False(error.IsRetryable);
    }

    [Fact]
    public async Task Random_PartialRate_DependsOnTheCallNotOnArrivalOrder()
    {
        static async Task<Dictionary<string, bool>> RunAsync(int seed, IEnumerable<string> order)
        {
            await using var h = await Harness.StartAsync(o => o.ChangeCooldown = TimeSpan.Zero);
            h.Emulator.Faults.Random(0.5, seed, [InjectedFault.InternalError]);
            var outcome = new Dictionary<string, bool>();
            foreach (var token in order)
            {
                outcome[token] = (await h.Client.TryModifyInstanceSpecAsync(Bandwidth with { ClientToken = token })).IsSuccess
                    || h.State.RequestLog[^1].Code == "IdempotenceParamNotMatch";
            }

            return outcome;
        }

        var tokens = Enumerable.Range(0, 20).Select(i => $"call-{i}").ToList();
        var forward = await RunAsync(7, tokens);
        var backward = await RunAsync(7, Enumerable.Reverse(tokens));

        Assert.Equal(forward.OrderBy(p => p.Key), backward.OrderBy(p => p.Key));
        Assert.Contains(false, forward.Values);
        Assert.Contains(true, forward.Values);
    }

    [Fact]
    public async Task Random_InstanceCallOrder_GeneratedTokensReplayBySeed()
    {
        static async Task<List<string?>> RunAsync(bool generatedTokens)
        {
            await using var h = await Harness.StartAsync(o => o.ChangeCooldown = TimeSpan.Zero, autoClientToken: generatedTokens);
            h.Emulator.Faults.Random(0.5, seed: 5, [InjectedFault.Throttling, InjectedFault.InternalError], FaultDrawKey.InstanceCallOrder);
            var codes = new List<string?>();
            for (var i = 0; i < 16; i++)
            {
                var request = Bandwidth with { InternetMaxBandwidthOut = 20 + i, ClientToken = generatedTokens ? null : $"mine-{i}" };
                codes.Add((await h.Client.TryModifyInstanceSpecAsync(request)).Error?.ErrorCode);
            }

            return codes;
        }

        var generated = await RunAsync(generatedTokens: true);
        var replay = await RunAsync(generatedTokens: true);
        var given = await RunAsync(generatedTokens: false);

        Assert.Equal(generated, replay);
        Assert.Equal(generated, given);
        Assert.Contains(null, generated);
        Assert.Contains(generated, c => c is not null);
    }

    [Fact]
    public async Task Random_InstanceCallOrder_ARepeatedTokenIsTheNextAttemptOfItsCall_AndOtherInstancesDoNotCount()
    {
        static async Task<List<string?>> RunAsync(IEnumerable<(string InstanceId, string Token)> requests)
        {
            await using var h = await Harness.StartAsync();
            var mix = Enumerable.Range(0, 16).Select(n => InjectedFault.Answer(500, $"Injected{n}")).ToList();
            h.Emulator.Faults.Random(1.0, seed: 3, mix, FaultDrawKey.InstanceCallOrder);
            var codes = new List<string?>();
            foreach (var (instanceId, token) in requests)
            {
                codes.Add((await h.Client.TryModifyInstanceSpecAsync(Bandwidth with { InstanceId = instanceId, ClientToken = token })).Error?.ErrorCode);
            }

            return codes;
        }

        const string Other = "i-postpaid-stopped-01";
        var x = await RunAsync([("i-postpaid-running-01", "a"), (Other, "z"), ("i-postpaid-running-01", "a"), ("i-postpaid-running-01", "b")]);
        var y = await RunAsync([("i-postpaid-running-01", "c"), ("i-postpaid-running-01", "d"), ("i-postpaid-running-01", "c")]);

        // x: call 1 attempt 1, (another instance), call 1 attempt 2, call 2 attempt 1; y: call 1 attempt 1, call 2 attempt 1, call 1 attempt 2.
        Assert.Equal((x[0], x[2], x[3]), (y[0], y[2], y[1]));
        Assert.NotEqual(x[0], x[2]);
    }

    [Fact]
    public async Task TokenBucket_IsPerAccessKey()
    {
        await using var h = await Harness.StartAsync(o => { o.ThrottleRequestsPerSecond = 1; o.ThrottleBurst = 1; });
        using var other = h.ClientFor(EmulatorSeed.ArrearsAccessKeyId, "emulator-arrears-access-key-secret");

        var first = await h.Client.TryModifyInstanceSpecAsync(Bandwidth);
        var otherAccount = await other.TryModifyInstanceSpecAsync(new ModifyInstanceSpecRequest { InstanceId = "i-arrears-postpaid-01", InternetMaxBandwidthOut = 10 });
        var second = await h.Client.TryModifyInstanceSpecAsync(Bandwidth with { InternetMaxBandwidthOut = 30 });

        Assert.True(first.IsSuccess);
        Assert.Equal("Account.Arrearage", otherAccount.Error?.ErrorCode);
        Assert.Equal("Throttling", second.Error?.ErrorCode);
    }

    [Fact]
    public async Task TokenBucket_BurstExhausted_AnswersThrottlingUntilRefilled()
    {
        await using var h = await Harness.StartAsync(o => { o.ThrottleRequestsPerSecond = 1; o.ThrottleBurst = 2; o.ChangeCooldown = TimeSpan.Zero; });

        var results = new List<bool>();
        for (var i = 0; i < 3; i++)
        {
            results.Add((await h.Client.TryModifyInstanceSpecAsync(Bandwidth with { InternetMaxBandwidthOut = 20 + i })).IsSuccess);
        }

        h.Time.Advance(TimeSpan.FromSeconds(1));
        results.Add((await h.Client.TryModifyInstanceSpecAsync(Bandwidth with { InternetMaxBandwidthOut = 40 })).IsSuccess);

        Assert.Equal([true, true, false, true], results);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}
