using System.Globalization;
using System.Text;
using AliEcsSpec.Tests;
using FsCheck;
using FsCheck.Fluent;

namespace AliEcsSpec.Client.Tests.Reliability;

/// <summary>
/// One generated call and the answers its attempts get: the last answer repeats for any further attempt. Most calls
/// make one attempt; some run with the shipped retry policy on a fake clock.
/// </summary>
/// <param name="FollowUp">
/// Whether the same client then makes a second call a minute later, answered with a plain success: whatever the
/// first answer was, it must not break the client for later calls.
/// </param>
internal sealed record ResponseCase(string Operation, bool Throwing, bool Retries, int? MaxBodyBytes, IReadOnlyList<Answer> Answers, bool FollowUp = false)
{
    public const string Prepay = "ModifyPrepayInstanceSpec";
    public const string Spec = "ModifyInstanceSpec";

    /// <summary>The bound on the bytes of a body the client reads.</summary>
    public int Bound => MaxBodyBytes ?? 64 * 1024;

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Operation}{(Throwing ? "Async" : " Try…Async")}, {(Retries ? "default retries" : "one attempt")}, " +
        $"MaxResponseBodyBytes {(MaxBodyBytes is null ? "default" : MaxBodyBytes.Value.ToString(CultureInfo.InvariantCulture))}: {string.Join(" then ", Answers)}" +
        $"{(FollowUp ? "; then a second call a minute later" : string.Empty)}");
}

/// <summary>What one attempt gets back: a status, headers and a body.</summary>
internal sealed record Answer(int Status, Body Body, ContentType ContentType, DeclaredLength Declared, string? RequestIdHeader, ServerDate Date)
{
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"[{Status}, {ContentType}, length header {Declared}, x-acs-request-id {FuzzSettings.Show(RequestIdHeader, 40)}, Date {Date}, {Body}]");
}

internal enum ContentType
{
    Json,
    JsonUtf8,
    Html,
    Text,
    Xml,
    OctetStream,
    None,
    Malformed,

    /// <summary>A media type that echoes the secret (a gateway quoting what it got).</summary>
    Echo,
}

/// <summary>The <c>Date</c> header, which the client learns its clock offset from after <c>InvalidTimeStamp.Expired</c>.</summary>
internal enum ServerDate
{
    None,

    /// <summary>Twenty minutes ahead of the client's clock: a plain skew.</summary>
    Skewed,

    /// <summary>The last second the calendar has (9999-12-31T23:59:59Z).</summary>
    EndOfTime,

    /// <summary>The first second the calendar has (0001-01-01T00:00:00Z).</summary>
    StartOfTime,

    /// <summary>Not a date at all.</summary>
    Malformed,
}

internal enum DeclaredLength
{
    None,
    Exact,
    Zero,
    Smaller,
    Larger,
    Huge,
}

/// <summary>How the body's stream behaves besides giving its bytes.</summary>
internal enum Delivery
{
    /// <summary>Gives as many bytes as asked.</summary>
    Whole,

    /// <summary>Gives one byte per read.</summary>
    Trickle,

    /// <summary>Fails with an <see cref="IOException"/> at <see cref="Body.BreakAt"/> (a connection reset mid-body).</summary>
    Fail,

    /// <summary>Stops giving bytes at <see cref="Body.BreakAt"/> until the read is cancelled (a stalled connection).</summary>
    Stall,
}

/// <summary>
/// A body: its bytes (with <c>@@SECRET@@</c>, <c>@@TOKEN@@</c> and <c>@@SIGNATURE@@</c> standing for what the server
/// echoes), padded with <see cref="Fill"/> to <see cref="PadTo"/> bytes, and what each reader can make of it.
/// </summary>
internal sealed record Body(string Kind, byte[] Template, Verdict AsPrepay, Verdict AsSpec, Verdict AsError)
{
    public long PadTo { get; init; }

    public byte Fill { get; init; } = (byte)' ';

    public Delivery Delivery { get; init; }

    /// <summary>Where a failing or stalling stream breaks.</summary>
    public long BreakAt { get; init; }

    /// <summary>Whether a server echo sits where the client shows it as an identifier (RequestId, Code).</summary>
    public bool EchoInIdentifier { get; init; }

    /// <summary>What the document holds, for the run's coverage: <c>wrong type</c>, <c>OrderId as object</c>, <c>invalid UTF-8</c>, …</summary>
    public IReadOnlySet<string> Traits { get; init; } = new HashSet<string>();

    public Verdict For(string operation, bool success) => !success ? AsError : operation == ResponseCase.Prepay ? AsPrepay : AsSpec;

    public override string ToString()
    {
        var text = Encoding.UTF8.GetString(Template);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Kind}: {FuzzSettings.Show(text, 160)}{(PadTo > Template.Length ? $" padded to {PadTo} bytes with 0x{Fill:X2}" : string.Empty)}" +
            $"{(Delivery == Delivery.Whole ? string.Empty : $", {Delivery} at {BreakAt}")}");
    }
}

/// <summary>What a reader makes of a body that is not cut off: the document's values, a failure, or either.</summary>
internal abstract record Verdict
{
    public static readonly Verdict Broken = new BrokenVerdict();

    public static readonly Verdict Unsure = new UnsureVerdict();
}

/// <summary>The document parses: its <c>RequestId</c>, <c>OrderId</c> and <c>Code</c> as read (null when absent or null).</summary>
internal sealed record Parses(string? RequestId, string? OrderId = null, string? Code = null) : Verdict;

internal sealed record BrokenVerdict : Verdict;

internal sealed record UnsureVerdict : Verdict;

/// <summary>A JSON value and what each reader makes of it.</summary>
/// <param name="Raw">The value's bytes, possibly not valid UTF-8.</param>
/// <param name="Kind">Which readers accept it.</param>
/// <param name="Text">A string's value, or an integer's digits.</param>
internal sealed record JsonValue(byte[] Raw, ValueKind Kind, string? Text = null)
{
    public static JsonValue Of(string raw, ValueKind kind, string? text = null) => new(Encoding.UTF8.GetBytes(raw), kind, text);
}

internal enum ValueKind
{
    /// <summary>A JSON string with valid UTF-8.</summary>
    String,

    /// <summary>JSON <c>null</c>.</summary>
    Null,

    /// <summary>A non-negative integer without fraction or exponent.</summary>
    Integer,

    /// <summary>Any other valid JSON value (a fraction, a negative number, a boolean, an object, an array).</summary>
    Other,

    /// <summary>A JSON string whose bytes are not valid UTF-8.</summary>
    BadUtf8,

    /// <summary>Nested deeper than a JSON reader allows (64).</summary>
    TooDeep,
}

/// <summary>
/// Generators of answers: documents of both operations and of errors, well-formed or broken in each way the issue
/// lists (truncated, wrong types, missing <c>RequestId</c>, duplicated keys, nesting beyond the reader's depth,
/// 10 MB, invalid UTF-8, byte-order marks), with wrong or missing content types, lying length headers, streams that
/// trickle, fail or stall, and bodies that echo the secret, the token and the request's signature.
/// </summary>
internal static class ResponseGenerators
{
    public const string SecretMarker = "@@SECRET@@";
    public const string TokenMarker = "@@TOKEN@@";
    public const string SignatureMarker = "@@SIGNATURE@@";

    public const int TenMegabytes = 10 * 1024 * 1024;

    private static readonly string[] Markers = [SecretMarker, TokenMarker, SignatureMarker];

    /// <summary>Every documented code of both operations and the common ones, and some the documents do not list.</summary>
    private static readonly string[] Codes =
    [
        .. EcsErrorCatalog.Definitions.Select(d => d.Code).Distinct(StringComparer.Ordinal),
        "Some.NewCode", "Throttling.User", "Throttling.Api", "throttling", "InternalError.Unknown", "X", "码",
    ];

    /// <summary>The codes the client acts on rather than only reports: it retries them, re-signs, or corrects its clock.</summary>
    private static readonly string[] RetriedCodes =
        ["InvalidTimeStamp.Expired", "SignatureNonceUsed", "Throttling", "ServiceUnavailable", "InternalError", "LastOrderProcessing"];

    private static readonly (string Json, string Text)[] Strings =
    [
        ("\"473469C7-AA6F-4DC5-B3DB-A3DC0DE3C83E\"", "473469C7-AA6F-4DC5-B3DB-A3DC0DE3C83E"),
        ("\"\"", string.Empty),
        ("\"caf\\u00e9 \\\"quoted\\\" \\\\ \\n\\t\"", "café \"quoted\" \\ \n\t"),
        ("\"实例 😀\"", "实例 😀"),
        ("\"\\ud83d\\ude00\"", "😀"),
        ("\"\\u0000\\u001f\"", "\0\u001f"),
        ("\"<script>alert(1)</script>\"", "<script>alert(1)</script>"),
        ("\"%s\"", "%s"),
    ];

    private static readonly string[] Others =
        ["-1", "1.5", "1e400", "-0", "true", "false", "{}", "[]", "{\"a\":[1,{\"b\":null}]}", "[\"x\",2]", "123456789012345678901234567890.5"];

    private static readonly string[] Integers = ["0", "7", "1234567890", "202611230000001", "1234567890123456789012345678901234567890"];

    private static readonly byte[][] BadUtf8 =
    [
        [0xC3, 0x28], [0xFF], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80], [0x80, 0x80],
    ];

    private static readonly int[] TypicalStatuses = [200, 200, 200, 200, 201, 204, 206, 400, 401, 403, 404, 409, 429, 500, 502, 503, 504];

    /// <summary>The cases of a run: statuses from every range, weighted towards those the service and gateways send.</summary>
    public static Arbitrary<ResponseCase> Cases { get; } = Arb.From(
        from status in Gen.Frequency((5, Gen.Choose(100, 599)), (6, Gen.Elements(TypicalStatuses)))
        from operation in Gen.Elements(ResponseCase.Prepay, ResponseCase.Spec)
        from throwing in Gen.Elements(true, false)
        from c in Case(status, operation, throwing)
        select c);

    /// <summary>A case whose first answer has <paramref name="status"/>.</summary>
    public static Gen<ResponseCase> Case(int status, string operation, bool throwing) =>
        from retries in Gen.Frequency((24, Gen.Constant(false)), (1, Gen.Constant(true)))
        from bound in Gen.Frequency(
            (12, Gen.Constant((int?)null)),
            (2, Gen.Constant((int?)1024)),
            (2, Gen.Constant((int?)4096)),
            (1, Gen.Constant((int?)300_000)),
            (1, Gen.Constant((int?)(16 * 1024 * 1024))))
        from first in Answer(status, operation, bound ?? 64 * 1024)
        from more in retries
            ? Gen.Frequency(
                (2, Gen.Constant(Array.Empty<Answer>())),
                (1, from count in Gen.Choose(1, 3)
                    from next in Gen.ArrayOf(
                        from s in Gen.Elements(200, 200, 400, 403, 429, 500, 502, 503, 504, 404)
                        from a in Answer(s, operation, bound ?? 64 * 1024)
                        select a, count)
                    select next))
            : Gen.Constant(Array.Empty<Answer>())
        from followUp in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new ResponseCase(operation, throwing, retries, bound, [first, .. more], followUp);

    private static Gen<Answer> Answer(int status, string operation, int bound) =>
        from body in AnyBody(status is >= 200 and <= 299, operation, bound)
        from contentType in Gen.Frequency(
            (6, Gen.Constant(ContentType.Json)), (3, Gen.Constant(ContentType.JsonUtf8)), (1, Gen.Constant(ContentType.Html)),
            (1, Gen.Constant(ContentType.Text)), (1, Gen.Constant(ContentType.Xml)), (1, Gen.Constant(ContentType.OctetStream)),
            (2, Gen.Constant(ContentType.None)), (1, Gen.Constant(ContentType.Malformed)), (1, Gen.Constant(ContentType.Echo)))
        from declared in Gen.Frequency(
            (6, Gen.Constant(DeclaredLength.None)), (3, Gen.Constant(DeclaredLength.Exact)), (1, Gen.Constant(DeclaredLength.Zero)),
            (1, Gen.Constant(DeclaredLength.Smaller)), (1, Gen.Constant(DeclaredLength.Larger)), (1, Gen.Constant(DeclaredLength.Huge)))
        from requestId in Gen.Frequency(
            (6, Gen.Constant((string?)null)),
            (5, Gen.Constant((string?)"HDR-5F3A-REQUEST")),
            (1, Gen.Elements<string?>("", " ", "\u00e9t\u00e9", "a\u0001b", "x-" + SecretMarker, TokenMarker)))
        from date in Gen.Frequency(
            (3, Gen.Constant(ServerDate.None)), (3, Gen.Constant(ServerDate.Skewed)), (1, Gen.Constant(ServerDate.EndOfTime)),
            (1, Gen.Constant(ServerDate.StartOfTime)), (1, Gen.Constant(ServerDate.Malformed)))
        select new Answer(status, body, contentType, declared, requestId, date);

    private static Gen<Body> AnyBody(bool success, string operation, int bound) =>
        from body in Gen.Frequency(
            (success ? 30 : 6, SuccessDocument(operation)),
            (success ? 6 : 30, ErrorDocument),
            (6, Truncated(success, operation)),
            (4, Duplicated(success, operation)),
            (3, DeepRoot),
            (4, NotJson),
            (3, WithByteOrderMark(success, operation)),
            (2, GarbageBytes),
            (3, HugeString))
        from padded in Gen.Frequency(
            (40, Gen.Constant(body)),
            (3, from size in Gen.Elements(bound - 1, bound, bound + 1)
                select body with { PadTo = Math.Max(size, body.Template.Length) }),
            (1, from fill in Gen.Elements((byte)' ', (byte)'\n', (byte)'a', (byte)'[', (byte)0)
                select body with { PadTo = TenMegabytes, Fill = fill }))
        from delivery in Gen.Frequency(
            (60, Gen.Constant((Delivery.Whole, 0L))),
            (1, Gen.Constant((Delivery.Trickle, 0L))),
            (2, from at in Gen.Choose(0, Math.Max(0, (int)Math.Min(padded.Template.Length, bound) - 1)) select (Delivery.Fail, (long)at)),
            (1, from at in Gen.Choose(0, Math.Max(0, (int)Math.Min(padded.Template.Length, bound) - 1)) select (Delivery.Stall, (long)at)))
        select padded with { Delivery = delivery.Item1, BreakAt = delivery.Item2 };

    /// <summary>A success document: <c>RequestId</c> and <c>OrderId</c> of every type, or missing, and unknown members.</summary>
    private static Gen<Body> SuccessDocument(string operation) =>
        from requestId in Gen.Frequency((5, StringValue(echo: false).Select(v => (JsonValue?)v)), (1, Gen.Constant((JsonValue?)null)))
        from orderId in Gen.Frequency((5, OrderIdValue.Select(v => (JsonValue?)v)), (operation == ResponseCase.Prepay ? 1 : 3, Gen.Constant((JsonValue?)null)))
        from extras in Extras
        from layout in Layout
        let members = Members(("RequestId", requestId), ("OrderId", orderId)).Concat(extras).ToList()
        select Document("success document", members, layout);

    /// <summary>An error document: each member of every type or missing, and a message that may echo secrets.</summary>
    private static Gen<Body> ErrorDocument =>
        from requestId in Gen.Frequency((6, StringValue(echo: false).Select(v => (JsonValue?)v)), (1, EchoString.Select(v => (JsonValue?)v)), (2, Gen.Constant((JsonValue?)null)))
        from hostId in Gen.Frequency((3, StringValue(echo: true).Select(v => (JsonValue?)v)), (1, Gen.Constant((JsonValue?)null)))
        from code in Gen.Frequency(
            (12, Gen.Elements(Codes).Select(c => (JsonValue?)JsonValue.Of($"\"{c}\"", ValueKind.String, c))),
            (4, Gen.Elements(RetriedCodes).Select(c => (JsonValue?)JsonValue.Of($"\"{c}\"", ValueKind.String, c))),
            (1, EchoString.Select(v => (JsonValue?)v)),
            (2, StringValue(echo: false).Select(v => (JsonValue?)v)),
            (1, Gen.Constant((JsonValue?)null)))
        from message in Gen.Frequency((6, StringValue(echo: true).Select(v => (JsonValue?)v)), (2, EchoString.Select(v => (JsonValue?)v)), (1, Gen.Constant((JsonValue?)null)))
        from recommend in Gen.Frequency((3, StringValue(echo: true).Select(v => (JsonValue?)v)), (1, Gen.Constant((JsonValue?)null)))
        from detail in Gen.Frequency((1, AnyValue(echo: true).Select(v => (JsonValue?)v)), (4, Gen.Constant((JsonValue?)null)))
        from extras in Extras
        from layout in Layout
        let members = Members(("RequestId", requestId), ("HostId", hostId), ("Code", code), ("Message", message), ("Recommend", recommend), ("AccessDeniedDetail", detail))
            .Concat(extras).ToList()
        select Document("error document", members, layout) with
        {
            EchoInIdentifier = Echoes(requestId) || Echoes(code),
        };

    /// <summary>A document cut short anywhere before its closing brace.</summary>
    private static Gen<Body> Truncated(bool success, string operation) =>
        from document in success ? SuccessDocument(operation) : ErrorDocument
        let end = Array.LastIndexOf(document.Template, (byte)'}')
        from cut in Gen.Choose(0, Math.Max(0, end - 1))
        select new Body("truncated " + document.Kind, document.Template[..cut], Verdict.Broken, Verdict.Broken, Verdict.Broken)
        {
            EchoInIdentifier = document.EchoInIdentifier,
        };

    /// <summary>A document with one of its members given twice (the reader keeps the last, or refuses a broken one).</summary>
    private static Gen<Body> Duplicated(bool success, string operation) =>
        from name in Gen.Elements("RequestId", "OrderId", "Code", "Message")
        from first in name == "OrderId" ? OrderIdValue : StringValue(echo: false)
        from second in name == "OrderId" ? OrderIdValue : Gen.Frequency((3, StringValue(echo: false)), (1, AnyValue(echo: false)))
        from rest in success ? SuccessDocument(operation) : ErrorDocument
        let prefix = Encoding.UTF8.GetBytes($"{{\"{name}\":").Concat(first.Raw).Concat(Encoding.UTF8.GetBytes($",\"{name}\":")).Concat(second.Raw).Append((byte)',')
        let template = prefix.Concat(rest.Template[1..]).ToArray()
        select new Body(
            "document with duplicated " + name,
            template,
            Breaks(["RequestId", "OrderId"], name, first, second) ? Verdict.Broken : Verdict.Unsure,
            Breaks(["RequestId"], name, first, second) ? Verdict.Broken : Verdict.Unsure,
            Breaks(["RequestId", "HostId", "Code", "Message", "Recommend"], name, first, second) ? Verdict.Broken : Verdict.Unsure);

    /// <summary>Whether either value breaks a reader that reads <paramref name="known"/> and skips the other members.</summary>
    private static bool Breaks(string[] known, string name, params JsonValue[] values) =>
        values.Any(v => v.Kind == ValueKind.TooDeep || (known.Contains(name) && BreaksItsReader(name, v)));

    /// <summary>A body nested deeper than the reader's limit at its root.</summary>
    private static Gen<Body> DeepRoot =>
        from depth in Gen.Frequency((3, Gen.Choose(65, 200)), (1, Gen.Choose(10_000, 100_000)))
        from open in Gen.Elements("[", "{\"a\":")
        from closed in Gen.Elements(true, false)
        let text = new StringBuilder().Insert(0, open, depth).Append(closed ? (open == "[" ? new string(']', depth) : "1" + new string('}', depth)) : string.Empty)
        select new Body(string.Create(CultureInfo.InvariantCulture, $"nested {depth} deep"), Encoding.UTF8.GetBytes(text.ToString()), Verdict.Broken, Verdict.Broken, Verdict.Broken);

    /// <summary>Bodies that are no ECS document: gateway pages, XML, plain text, bare JSON values, nothing.</summary>
    private static Gen<Body> NotJson => Gen.Elements(
        Literal("empty", string.Empty),
        Literal("white space", "  \r\n\t "),
        Literal("JSON null", "null"),
        Literal("JSON array", "[]"),
        Literal("JSON string", "\"RequestId\""),
        Literal("JSON number", "123"),
        Literal("JSON true", "true"),
        Literal("NaN", "NaN"),
        Literal("HTML gateway page", "<html><head><title>502 Bad Gateway</title></head><body>upstream sent " + SecretMarker + " and " + TokenMarker + " and " + SignatureMarker + "</body></html>"),
        Literal("XML document", "<?xml version=\"1.0\"?><ModifyInstanceSpecResponse><RequestId>04F0F334</RequestId><OrderId>1</OrderId></ModifyInstanceSpecResponse>"),
        Literal("plain text", "Bad Gateway"),
        Literal("request echo", "AccessKeySecret=" + SecretMarker + "&SecurityToken=" + TokenMarker + "&Signature=" + SignatureMarker),
        new Body("empty object", "{}"u8.ToArray(), Verdict.Broken, new Parses(null), Verdict.Broken));

    /// <summary>A document after a UTF-8 byte-order mark (read as the document), two of them, or in UTF-16 (neither read).</summary>
    private static Gen<Body> WithByteOrderMark(bool success, string operation) =>
        from document in success ? SuccessDocument(operation) : ErrorDocument
        from mark in Gen.Elements(0, 1, 2)
        select mark switch
        {
            0 => document with { Kind = "UTF-8 BOM + " + document.Kind, Template = [0xEF, 0xBB, 0xBF, .. document.Template] },
            1 => new Body("two UTF-8 BOMs + " + document.Kind, [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, .. document.Template], Verdict.Broken, Verdict.Broken, Verdict.Broken),
            _ => new Body(
                "UTF-16 " + document.Kind,
                [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(document.Template))],
                Verdict.Broken,
                Verdict.Broken,
                Verdict.Broken),
        };

    private static Gen<Body> GarbageBytes =>
        from length in Gen.Choose(1, 300)
        from bytes in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), length)
        select new Body("random bytes", [0xFF, .. bytes], Verdict.Broken, Verdict.Broken, Verdict.Broken);

    /// <summary>A document whose message never ends within its bytes (the rest of a 10 MB body would be its text).</summary>
    private static Gen<Body> HugeString =>
        from length in Gen.Choose(1, 5000)
        select new Body(
            "unterminated string",
            Encoding.UTF8.GetBytes("{\"RequestId\":\"R\",\"Code\":\"InternalError\",\"Message\":\"" + new string('m', length)),
            Verdict.Broken,
            Verdict.Broken,
            Verdict.Broken);

    private static Body Literal(string kind, string text) => new(kind, Encoding.UTF8.GetBytes(text), Verdict.Broken, Verdict.Broken, Verdict.Broken);

    /// <summary>Unknown members: any JSON value (a reader skips them), sometimes with invalid UTF-8 or too deep.</summary>
    private static Gen<List<(string Name, JsonValue Value)>> Extras =>
        from count in Gen.Frequency((4, Gen.Constant(0)), (2, Gen.Choose(1, 3)))
        from names in Gen.ArrayOf(Gen.Elements("requestId", "orderId", "Data", "Success", "code", "Extra", "实例"), count)
        from values in Gen.ArrayOf(AnyValue(echo: true), count)
        select names.Zip(values, (n, v) => (n, v)).ToList();

    private static Gen<(string Before, string Between, bool Comment, bool TrailingComma)> Layout =>
        from before in Gen.Elements(string.Empty, string.Empty, " ", "\n  ")
        from between in Gen.Elements(",", ",", ", ", ",\n  ")
        from comment in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
        from trailing in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
        select (before, between, comment, trailing);

    /// <summary>A string member's value: a string, null, another type, invalid UTF-8, or nested too deep.</summary>
    private static Gen<JsonValue> StringValue(bool echo) => Gen.Frequency(
        (12, Gen.Elements(Strings).Select(s => JsonValue.Of(s.Json, ValueKind.String, s.Text))),
        (echo ? 4 : 0, EchoString),
        (2, Gen.Constant(JsonValue.Of("null", ValueKind.Null))),
        (2, Gen.Elements(Others).Select(o => JsonValue.Of(o, ValueKind.Other))),
        (1, Gen.Elements(Integers).Select(i => JsonValue.Of(i, ValueKind.Integer, i))),
        (1, InvalidUtf8String),
        (1, TooDeepValue));

    /// <summary><c>OrderId</c>: a string or an integer (both revisions), or a type no revision sends.</summary>
    private static Gen<JsonValue> OrderIdValue => Gen.Frequency(
        (6, Gen.Elements(Integers).Select(i => JsonValue.Of($"\"{i}\"", ValueKind.String, i))),
        (6, Gen.Elements(Integers).Select(i => JsonValue.Of(i, ValueKind.Integer, i))),
        (1, Gen.Constant(JsonValue.Of("\"\"", ValueKind.String, string.Empty))),
        (1, Gen.Constant(JsonValue.Of("null", ValueKind.Null))),
        (3, Gen.Elements(Others).Select(o => JsonValue.Of(o, ValueKind.Other))),
        (1, InvalidUtf8String),
        (1, TooDeepValue));

    /// <summary>Any member value at all.</summary>
    private static Gen<JsonValue> AnyValue(bool echo) => Gen.Frequency(
        (4, StringValue(echo)),
        (2, Gen.Elements(Others).Select(o => JsonValue.Of(o, ValueKind.Other))),
        (echo ? 1 : 0, Gen.Constant(JsonValue.Of($"{{\"echo\":\"{SecretMarker}\",\"token\":[\"{TokenMarker}\"],\"sig\":\"{SignatureMarker}\"}}", ValueKind.Other))));

    private static Gen<JsonValue> EchoString =>
        from prefix in Gen.Elements(string.Empty, "Specified signature is not matched with our calculation. server string to sign is:", "bad token ")
        from marker in Gen.Elements(Markers)
        select JsonValue.Of($"\"{prefix}{marker}\"", ValueKind.String, prefix + marker);

    private static Gen<JsonValue> InvalidUtf8String =>
        from bad in Gen.Elements(BadUtf8)
        select new JsonValue([.. "\"ab"u8.ToArray(), .. bad, .. "cd\""u8.ToArray()], ValueKind.BadUtf8);

    private static Gen<JsonValue> TooDeepValue =>
        from depth in Gen.Choose(65, 300)
        select JsonValue.Of(new string('[', depth) + new string(']', depth), ValueKind.TooDeep);

    private static IEnumerable<(string Name, JsonValue Value)> Members(params (string Name, JsonValue? Value)[] members) =>
        members.Where(m => m.Value is not null).Select(m => (m.Name, m.Value!));

    private static bool Echoes(JsonValue? value) =>
        value?.Text is { } text && Markers.Any(m => text.Contains(m, StringComparison.Ordinal));

    /// <summary>Whether <paramref name="value"/> breaks the reader of the member <paramref name="name"/> (a string, or <c>OrderId</c>).</summary>
    private static bool BreaksItsReader(string name, JsonValue value) => name == "OrderId"
        ? value.Kind is not (ValueKind.String or ValueKind.Integer or ValueKind.Null)
        : value.Kind is not (ValueKind.String or ValueKind.Null);

    /// <summary>Writes the members as one JSON object and works out what each reader makes of it.</summary>
    private static Body Document(string kind, List<(string Name, JsonValue Value)> members, (string Before, string Between, bool Comment, bool TrailingComma) layout)
    {
        var bytes = new List<byte>();
        bytes.AddRange(Encoding.UTF8.GetBytes("{" + layout.Before));
        for (var i = 0; i < members.Count; i++)
        {
            if (i > 0)
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(layout.Between));
            }

            if (layout.Comment)
            {
                bytes.AddRange("/* member */"u8.ToArray());
            }

            bytes.AddRange(Encoding.UTF8.GetBytes($"\"{members[i].Name}\":"));
            bytes.AddRange(members[i].Value.Raw);
        }

        bytes.AddRange(Encoding.UTF8.GetBytes((layout.TrailingComma && members.Count > 0 ? "," : string.Empty) + layout.Before + "}"));

        return new Body(
            kind,
            [.. bytes],
            Read(members, ["RequestId", "OrderId"], requireOrderId: true),
            Read(members, ["RequestId"], requireOrderId: false),
            ReadError(members))
        {
            Traits = TraitsOf(members),
        };
    }

    private static HashSet<string> TraitsOf(List<(string Name, JsonValue Value)> members)
    {
        var traits = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in members)
        {
            var known = name is "RequestId" or "OrderId" or "Code" or "Message" or "HostId" or "Recommend";
            if (known && value.Kind is ValueKind.Other or ValueKind.Integer && !(name == "OrderId" && value.Kind == ValueKind.Integer))
            {
                traits.Add("wrong type");
            }

            if (name == "OrderId")
            {
                var raw = Encoding.UTF8.GetString(value.Raw);
                traits.Add("OrderId as " + (value.Kind switch
                {
                    ValueKind.TooDeep => "nested array",
                    ValueKind.Integer when raw.Length > 19 => "huge number",
                    ValueKind.Integer or ValueKind.Other when raw[0] is '-' or (>= '0' and <= '9') => "number",
                    ValueKind.String or ValueKind.BadUtf8 => "string",
                    _ => raw[0] switch { '{' => "object", '[' => "array", 't' or 'f' => "bool", _ => "null" },
                }));
            }

            if (value.Kind == ValueKind.BadUtf8)
            {
                traits.Add("invalid UTF-8");
            }

            if (value.Kind == ValueKind.TooDeep)
            {
                traits.Add("too deep member");
            }
        }

        if (!members.Any(m => m.Name == "RequestId"))
        {
            traits.Add("missing RequestId");
        }

        return traits;
    }

    /// <summary>What the success reader makes of the members: it reads <paramref name="known"/> and skips the rest.</summary>
    private static Verdict Read(List<(string Name, JsonValue Value)> members, string[] known, bool requireOrderId)
    {
        var unsure = false;
        foreach (var (name, value) in members)
        {
            if (value.Kind == ValueKind.TooDeep)
            {
                return Verdict.Broken;
            }

            if (known.Contains(name))
            {
                if (BreaksItsReader(name, value))
                {
                    return Verdict.Broken;
                }
            }
            else if (value.Kind == ValueKind.BadUtf8)
            {
                // A member the reader skips: whether it checks the UTF-8 of what it skips is its own affair.
                unsure = true;
            }
        }

        var requestId = members.Where(m => m.Name == "RequestId").Select(m => m.Value.Text).FirstOrDefault();
        var orderId = members.Where(m => m.Name == "OrderId").Select(m => m.Value.Text).FirstOrDefault();
        if (requireOrderId && string.IsNullOrEmpty(orderId))
        {
            return Verdict.Broken;
        }

        return unsure ? Verdict.Unsure : new Parses(requestId, orderId);
    }

    /// <summary>What the error reader makes of the members: a document with a non-empty <c>Code</c>, or not one.</summary>
    private static Verdict ReadError(List<(string Name, JsonValue Value)> members)
    {
        var unsure = false;
        foreach (var (name, value) in members)
        {
            switch (name)
            {
                case "RequestId" or "HostId" or "Code" or "Message" or "Recommend" when BreaksItsReader(name, value):
                case "AccessDeniedDetail" when value.Kind is ValueKind.TooDeep or ValueKind.BadUtf8:
                    return Verdict.Broken;
                case not ("RequestId" or "HostId" or "Code" or "Message" or "Recommend" or "AccessDeniedDetail") when value.Kind == ValueKind.TooDeep:
                    return Verdict.Broken;
                case not ("RequestId" or "HostId" or "Code" or "Message" or "Recommend" or "AccessDeniedDetail") when value.Kind == ValueKind.BadUtf8:
                    unsure = true;
                    break;
            }
        }

        var code = members.Where(m => m.Name == "Code").Select(m => m.Value.Text).FirstOrDefault();
        if (string.IsNullOrEmpty(code))
        {
            return Verdict.Broken;
        }

        return unsure ? Verdict.Unsure : new Parses(members.Where(m => m.Name == "RequestId").Select(m => m.Value.Text).FirstOrDefault(), Code: code);
    }
}
