using System.Net;
using RichardSzalay.MockHttp;

namespace AliEcsSpec.Client.Tests.Support;

/// <summary>
/// A MockHttp primary handler that answers every POST with one JSON body (or with given answers in turn) and records
/// each form it received.
/// </summary>
internal sealed class RecordingServer : IDisposable
{
    private readonly List<string> _bodies = [];

    public RecordingServer(string json, string url = "*")
    {
        Handler.When(HttpMethod.Post, url).Respond(async request =>
        {
            _bodies.Add(await request.Content!.ReadAsStringAsync());
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json) };
        });
    }

    /// <summary>Answers the requests in turn with <paramref name="answers"/>, the last one again for any later request.</summary>
    public RecordingServer(params HttpResponseMessage[] answers)
    {
        Handler.When(HttpMethod.Post, "*").Respond(request =>
        {
            _bodies.Add(request.Content!.ReadAsStringAsync().GetAwaiter().GetResult());
            return Task.FromResult(answers[Math.Min(_bodies.Count, answers.Length) - 1]);
        });
    }

    public MockHttpMessageHandler Handler { get; } = new();

    public IReadOnlyList<string> Bodies => _bodies;

    public string LastBody => _bodies[^1];

    public void Dispose() => Handler.Dispose();
}
