using System.Globalization;

namespace AliEcsSpec.Interop.Support;

/// <summary>
/// One official SDK in one of its ways of sending a call, with what that way must look like on the wire: every test
/// checks the request really went as named, so that an SDK update that moved the parameters would fail loudly.
/// </summary>
internal sealed record Variant(string Sdk, string Name, Action<SentRequest, IReadOnlyDictionary<string, object>, string?> AssertSent)
{
    /// <summary>@alicloud/pop-core: a V2 GET, everything in the query.</summary>
    public static readonly Variant PopCoreV2Get = new(OfficialSdk.PopCore, "v2-get", (sent, parameters, token) =>
    {
        Assert.Equal("GET", sent.Method);
        AssertV2(sent.Query, parameters, token);
        Assert.Empty(sent.Body);
    });

    /// <summary>@alicloud/pop-core: a V2 POST, everything in a form body, nothing in the query.</summary>
    public static readonly Variant PopCoreV2Form = new(OfficialSdk.PopCore, "v2-form", (sent, parameters, token) =>
    {
        Assert.Equal(("POST", "/"), (sent.Method, sent.Path));
        Assert.Equal("application/x-www-form-urlencoded", sent.Header("content-type"));
        AssertV2(sent.Form, parameters, token);
    });

    /// <summary>@alicloud/ecs20140526 with <c>signatureAlgorithm: 'v2'</c>: a V2 POST, everything in the query.</summary>
    public static readonly Variant EcsV2 = new(OfficialSdk.Ecs, "v2", AssertV2PostQuery);

    /// <summary>@alicloud/ecs20140526 by default: a V3 (ACS3-HMAC-SHA256) POST, the parameters in the query.</summary>
    public static readonly Variant EcsV3 = new(OfficialSdk.Ecs, "v3", AssertV3);

    /// <summary>@alicloud/openapi-client's generic callApi with <c>signatureAlgorithm: 'v2'</c>.</summary>
    public static readonly Variant OpenApiV2 = new(OfficialSdk.OpenApi, "v2", AssertV2PostQuery);

    /// <summary>@alicloud/openapi-client's generic callApi by default (V3).</summary>
    public static readonly Variant OpenApiV3 = new(OfficialSdk.OpenApi, "v3", AssertV3);

    /// <summary>Every variant, each SDK in each of its ways.</summary>
    public static readonly IReadOnlyList<Variant> All = [PopCoreV2Get, PopCoreV2Form, EcsV2, EcsV3, OpenApiV2, OpenApiV3];

    /// <summary>The names of <see cref="All"/>, as theory data (a name shows in the test's name; the record would not).</summary>
    public static TheoryData<string> Every => [.. All.Select(v => v.ToString())];

    /// <summary>The variants that can call STS: @alicloud/ecs20140526 has no AssumeRole.</summary>
    public static TheoryData<string> ForSts => [.. All.Where(v => v.Sdk != OfficialSdk.Ecs).Select(v => v.ToString())];

    public static Variant Named(string name) => All.Single(v => v.ToString() == name);

    public override string ToString() => $"{Sdk} {Name}";

    private static void AssertV2PostQuery(SentRequest sent, IReadOnlyDictionary<string, object> parameters, string? token)
    {
        Assert.Equal("POST", sent.Method);
        AssertV2(sent.Query, parameters, token);
        Assert.Empty(sent.Body);
    }

    private static void AssertV3(SentRequest sent, IReadOnlyDictionary<string, object> parameters, string? token)
    {
        Assert.Equal("POST", sent.Method);
        Assert.StartsWith("ACS3-HMAC-SHA256 Credential=", sent.Header("Authorization"), StringComparison.Ordinal);
        Assert.DoesNotContain("Signature", sent.Query.Keys);
        Assert.Equal(token, sent.Header("x-acs-security-token"));
        AssertCarried(sent.Query, parameters);
    }

    private static void AssertV2(IReadOnlyDictionary<string, string> carrier, IReadOnlyDictionary<string, object> parameters, string? token)
    {
        var signedAs = (carrier["SignatureMethod"], carrier["SignatureVersion"], carrier.GetValueOrDefault("SecurityToken"));
        Assert.Equal(("HMAC-SHA1", "1.0", token), signedAs);
        Assert.NotEmpty(carrier["Signature"]);
        AssertCarried(carrier, parameters);
    }

    private static void AssertCarried(IReadOnlyDictionary<string, string> carrier, IReadOnlyDictionary<string, object> parameters)
    {
        foreach (var (name, value) in parameters)
        {
            // JSON booleans go out as the SDKs write them (true/false); strings such as "True" go out as given.
            var wire = value is bool flag ? (flag ? "true" : "false") : Convert.ToString(value, CultureInfo.InvariantCulture);
            Assert.Equal(wire, carrier.GetValueOrDefault(name));
        }
    }
}
