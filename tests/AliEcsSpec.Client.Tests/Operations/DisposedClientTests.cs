using AliEcsSpec.Client.Tests.Support;

namespace AliEcsSpec.Client.Tests.Operations;

/// <summary>A disposed client says so, from every method, and sends nothing.</summary>
public sealed class DisposedClientTests
{
    public static TheoryData<string, Func<IEcsSpecClient, Task>> EveryMethod => new()
    {
        { "ModifyInstanceSpecAsync", c => c.ModifyInstanceSpecAsync(TestClient.Spec()) },
        { "TryModifyInstanceSpecAsync", c => c.TryModifyInstanceSpecAsync(TestClient.Spec()) },
        { "ModifyPrepayInstanceSpecAsync", c => c.ModifyPrepayInstanceSpecAsync(TestClient.Prepay()) },
        { "TryModifyPrepayInstanceSpecAsync", c => c.TryModifyPrepayInstanceSpecAsync(TestClient.Prepay()) },
    };

    [Theory]
    [MemberData(nameof(EveryMethod))]
    public async Task Method_AfterDispose_ThrowsObjectDisposedAndSendsNothing(string method, Func<IEcsSpecClient, Task> call)
    {
        using var test = new TestClient().AnswerSpecSuccess();
        test.Client.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => call(test.Client));

        Assert.True(test.Sent.Count == 0, method);
    }
}
