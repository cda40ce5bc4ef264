using System.Net;
using AliEcsSpec.Client.Signing;
using BenchmarkDotNet.Attributes;
using AliEcsSpec.Client.Errors;

namespace AliEcsSpec.Client.Benchmarks.Cases;

/// <summary>
/// The client's hot-path pieces alone: signing a typical request (V2 and V3), canonicalization, and error parsing.
/// </summary>
[MemoryDiagnoser]
public class ComponentBenchmarks
{
    private static readonly SigningKey Key = new(Workload.AccessKeyId, Workload.AccessKeySecret, null);
    private static readonly UnsignedRpcRequest Typical = new(
        "ModifyInstanceSpec", EcsApi.Version, ModifyInstanceSpecOperation.Instance.ToWire(Workload.SpecRequest, ClientToken));
    private static readonly RpcAnswer ErrorAnswer = new(HttpStatusCode.BadRequest, Workload.ErrorBody, false, "application/json", null);

    private const string ClientToken = "5d9c2b1e-8f53-4b1a-9a43-0c6f0f6a7e21";

    private KeyValuePair<string, string>[] _sorted = [];

    [GlobalSetup]
    public void Setup()
    {
        // What the canonicalization sees: every parameter of one attempt, in signature order.
        _sorted =
        [
            .. Typical.Parameters,
            new("AccessKeyId", Workload.AccessKeyId),
            new("Action", Typical.Action),
            new("Format", "JSON"),
            new("SignatureMethod", RpcSigner.SignatureMethod),
            new("SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"),
            new("SignatureVersion", RpcSigner.SignatureVersion),
            new("Timestamp", "2026-11-23T08:30:15Z"),
            new("Version", Typical.Version),
        ];
        Array.Sort(_sorted, RpcSigner.ParameterOrder);
    }

    [Benchmark(Description = "Sign a typical request (fresh nonce and timestamp)")]
    public byte[] Sign() => RpcSigner.SignForm(Typical, Key, TimeProvider.System.GetUtcNow(), RpcSigner.NewNonce()).Body;

    [Benchmark(Description = "Sign a typical request with V3, ACS3-HMAC-SHA256 (fresh nonce and date)")]
    public string SignV3() =>
        AcsV3Signer.Sign(Typical, Key, "ecs.cn-hangzhou.aliyuncs.com", TimeProvider.System.GetUtcNow(), RpcSigner.NewNonce()).Authorization;

    [Benchmark(Description = "Canonicalize a typical request")]
    public string Canonicalize() => RpcSigner.Canonicalize(_sorted);

    [Benchmark(Description = "Parse an error body into the typed exception")]
    public EcsException ParseError() =>
        EcsExceptionFactory.Create(
            OutcomeClassifier.Classify(ErrorAnswer, "ModifyInstanceSpec", ClientToken, ModifyInstanceSpecOperation.Instance, AliEcsSpec.Client.Diagnostics.SensitiveValues.None).Error!);
}
