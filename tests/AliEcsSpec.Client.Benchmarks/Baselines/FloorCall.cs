using System.Text;

namespace AliEcsSpec.Client.Benchmarks.Baselines;

/// <summary>
/// The floor: an <see cref="HttpClient"/> POST of a form body signed once in advance, and reading the answer's bytes.
/// Nothing any client can skip, so every other case is measured against it.
/// </summary>
internal sealed class FloorCall(HttpClient http, Uri endpoint)
{
    private readonly byte[] _body = Encoding.ASCII.GetBytes(
        MinimalSigner.SignedBody(Workload.SpecParameters("5d9c2b1e-8f53-4b1a-9a43-0c6f0f6a7e21"), "ModifyInstanceSpec"));

    public async Task<int> CallAsync()
    {
        using var content = new ByteArrayContent(_body);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded");
        using var response = await http.PostAsync(endpoint, content).ConfigureAwait(false);
        var answer = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        return answer.Length;
    }
}
