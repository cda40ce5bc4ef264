using System.Net;
using AliEcsSpec.Client.Errors;

namespace AliEcsSpec.Client;

/// <summary>
/// Builds the client's results for tests of your own code: every operation's response, an <see cref="EcsError"/> of
/// each kind with every field, and the exception the client would throw for it, so that a mocked
/// <see cref="IEcsSpecClient"/> can fail exactly as the real one does. The family, the retryability and the exception
/// type of a service error come from the same error catalog the client uses.
/// </summary>
public static class EcsModelFactory
{
    /// <summary>A <c>ModifyInstanceSpec</c> success (or, with <paramref name="dryRun"/>, a passed dry run).</summary>
    public static ModifyInstanceSpecResponse ModifyInstanceSpecResponse(string requestId, string? clientToken = null, bool dryRun = false) =>
        new(requestId, clientToken, dryRun);

    /// <summary>A <c>ModifyPrepayInstanceSpec</c> success with the order it placed.</summary>
    public static ModifyPrepayInstanceSpecResponse ModifyPrepayInstanceSpecResponse(string requestId, string orderId, string? clientToken = null) =>
        new(requestId, orderId, clientToken);

    /// <summary>A <c>DescribeInstances</c> page (or, with <paramref name="dryRun"/>, a passed dry run).</summary>
    /// <param name="requestId">The service's request ID.</param>
    /// <param name="instances">The instances of the page; build each with <see cref="EcsInstance(string, string, string)"/>.</param>
    /// <param name="totalCount">How many match in all pages; the page's count by default.</param>
    /// <param name="nextToken">The next page's token.</param>
    /// <param name="pageNumber">The page number.</param>
    /// <param name="pageSize">The page size.</param>
    /// <param name="dryRun">Whether this is a passed dry run.</param>
    public static DescribeInstancesResponse DescribeInstancesResponse(
        string requestId, IReadOnlyList<EcsInstance>? instances = null, int? totalCount = null, string? nextToken = null,
        int? pageNumber = null, int? pageSize = null, bool dryRun = false) =>
        new(requestId, instances ?? [], totalCount ?? instances?.Count ?? 0, nextToken, pageNumber, pageSize, dryRun);

    /// <summary>An instance as <c>DescribeInstances</c> describes it; set the rest with <c>with { … }</c>.</summary>
    /// <param name="instanceId">The instance ID.</param>
    /// <param name="status">The status, for example <see cref="EcsInstanceStatus.Stopped"/>.</param>
    /// <param name="instanceType">The instance type.</param>
    public static EcsInstance EcsInstance(string instanceId, string status, string instanceType) =>
        new() { InstanceId = instanceId, Status = status, InstanceType = instanceType };

    /// <summary>A <c>StopInstance</c> success (or, with <paramref name="dryRun"/>, a passed dry run).</summary>
    public static StopInstanceResponse StopInstanceResponse(string requestId, bool dryRun = false) => new(requestId, dryRun);

    /// <summary>A <c>StartInstance</c> success (or, with <paramref name="dryRun"/>, a passed dry run).</summary>
    public static StartInstanceResponse StartInstanceResponse(string requestId, bool dryRun = false) => new(requestId, dryRun);

    /// <summary>A <c>DescribeResourcesModification</c> answer.</summary>
    /// <param name="requestId">The service's request ID.</param>
    /// <param name="availableZones">The zones; build them with <see cref="AvailableZone"/>.</param>
    public static DescribeResourcesModificationResponse DescribeResourcesModificationResponse(
        string requestId, params AvailableZone[] availableZones) =>
        new(requestId, availableZones);

    /// <summary>
    /// A zone that offers <paramref name="supportedResources"/> as one resource of <paramref name="resourceType"/>,
    /// for example <c>AvailableZone("cn-hangzhou-h", "InstanceType", SupportedResource("ecs.g6.xlarge"))</c>.
    /// </summary>
    /// <param name="zoneId">The zone.</param>
    /// <param name="resourceType"><c>InstanceType</c> or <c>SystemDisk</c>.</param>
    /// <param name="supportedResources">What the zone offers.</param>
    public static AvailableZone AvailableZone(string zoneId, string resourceType, params SupportedResource[] supportedResources) =>
        new(zoneId, null, ResourceStockCategory.Available, ResourceStockCategory.WithStock, [new AvailableResource(resourceType, supportedResources, [])]);

    /// <summary>A value offered with its stock: in stock by default.</summary>
    /// <param name="value">The instance type or disk category.</param>
    /// <param name="status"><see cref="ResourceStockCategory.Available"/> or <see cref="ResourceStockCategory.SoldOut"/>.</param>
    /// <param name="statusCategory">The stock, for example <see cref="ResourceStockCategory.WithoutStock"/>.</param>
    public static SupportedResource SupportedResource(
        string value, string status = ResourceStockCategory.Available, string statusCategory = ResourceStockCategory.WithStock) =>
        new(value, status, statusCategory, Conditions: []);

    /// <summary>
    /// The service's error document for <paramref name="operation"/>, for example
    /// <c>ServiceError("ModifyInstanceSpec", "IncorrectInstanceStatus", "The current status…", HttpStatusCode.Forbidden)</c>.
    /// </summary>
    /// <param name="operation">The action, for example <c>ModifyPrepayInstanceSpec</c>.</param>
    /// <param name="errorCode">The documented code; an undocumented one gives an error of no family.</param>
    /// <param name="message">The service's message.</param>
    /// <param name="statusCode">The HTTP status of the answer.</param>
    /// <param name="requestId">The service's request ID.</param>
    /// <param name="hostId">The host that answered.</param>
    /// <param name="recommend">The diagnosis link.</param>
    /// <param name="accessDeniedDetail">The <c>AccessDeniedDetail</c> object as raw JSON.</param>
    /// <param name="clientToken">The ClientToken the call sent.</param>
    /// <param name="attempts">How many attempts the call made.</param>
    public static EcsError ServiceError(
        string operation,
        string errorCode,
        string message,
        HttpStatusCode statusCode,
        string? requestId = null,
        string? hostId = null,
        string? recommend = null,
        string? accessDeniedDetail = null,
        string? clientToken = null,
        int attempts = 1)
    {
        ArgumentException.ThrowIfNullOrEmpty(operation);
        ArgumentException.ThrowIfNullOrEmpty(errorCode);
        ArgumentNullException.ThrowIfNull(message);
        return OutcomeClassifier.Service(operation, errorCode, message, statusCode, requestId, hostId, recommend, accessDeniedDetail, clientToken)
            .AfterAttempts(Attempts(attempts), notRetriedBecause: null);
    }

    /// <summary>An answer that was not an ECS document (a gateway's HTML page, say).</summary>
    /// <param name="operation">The action.</param>
    /// <param name="statusCode">The HTTP status of the answer.</param>
    /// <param name="message">What was wrong with it.</param>
    /// <param name="requestId">The <c>x-acs-request-id</c> header, if any.</param>
    /// <param name="bodyExcerpt">The start of the body.</param>
    /// <param name="clientToken">The ClientToken the call sent.</param>
    /// <param name="attempts">How many attempts the call made.</param>
    public static EcsError UnexpectedResponseError(
        string operation, HttpStatusCode statusCode, string message, string? requestId = null, string? bodyExcerpt = null, string? clientToken = null, int attempts = 1)
    {
        ArgumentException.ThrowIfNullOrEmpty(operation);
        ArgumentNullException.ThrowIfNull(message);
        return OutcomeClassifier.Unexpected(operation, statusCode, message, requestId, bodyExcerpt, clientToken)
            .AfterAttempts(Attempts(attempts), notRetriedBecause: null);
    }

    /// <summary>A call that got no answer.</summary>
    /// <param name="operation">The action.</param>
    /// <param name="message">What happened, for example <c>The connection was reset.</c></param>
    /// <param name="requestMayHaveBeenSent">Whether the request may have reached the service.</param>
    /// <param name="clientToken">The ClientToken the call sent.</param>
    /// <param name="innerException">What sending threw.</param>
    /// <param name="attempts">How many attempts the call made.</param>
    public static EcsError TransportError(
        string operation, string message, bool requestMayHaveBeenSent = true, string? clientToken = null, Exception? innerException = null, int attempts = 1)
    {
        ArgumentException.ThrowIfNullOrEmpty(operation);
        ArgumentNullException.ThrowIfNull(message);
        return OutcomeClassifier.Transport(operation, message, requestMayHaveBeenSent, clientToken, innerException)
            .AfterAttempts(Attempts(attempts), notRetriedBecause: null);
    }

    /// <summary>
    /// The exception the client throws for this service error: the family's subclass the catalog gives
    /// <paramref name="errorCode"/> (for example <see cref="EcsIncorrectInstanceStateException"/>), or
    /// <see cref="EcsServiceException"/> itself for an undocumented code.
    /// </summary>
    /// <inheritdoc cref="ServiceError" path="/param"/>
    public static EcsServiceException ServiceException(
        string operation,
        string errorCode,
        string message,
        HttpStatusCode statusCode,
        string? requestId = null,
        string? hostId = null,
        string? recommend = null,
        string? accessDeniedDetail = null,
        string? clientToken = null,
        int attempts = 1) =>
        (EcsServiceException)ServiceError(operation, errorCode, message, statusCode, requestId, hostId, recommend, accessDeniedDetail, clientToken, attempts).ToException();

    /// <summary>The exception the client throws for an answer that was not an ECS document.</summary>
    /// <inheritdoc cref="UnexpectedResponseError" path="/param"/>
    public static EcsUnexpectedResponseException UnexpectedResponseException(
        string operation, HttpStatusCode statusCode, string message, string? requestId = null, string? bodyExcerpt = null, string? clientToken = null, int attempts = 1) =>
        (EcsUnexpectedResponseException)UnexpectedResponseError(operation, statusCode, message, requestId, bodyExcerpt, clientToken, attempts).ToException();

    /// <summary>The exception the client throws for a call that got no answer.</summary>
    /// <inheritdoc cref="TransportError" path="/param"/>
    public static EcsTransportException TransportException(
        string operation, string message, bool requestMayHaveBeenSent = true, string? clientToken = null, Exception? innerException = null, int attempts = 1) =>
        (EcsTransportException)TransportError(operation, message, requestMayHaveBeenSent, clientToken, innerException, attempts).ToException();

    /// <summary>The exception the client throws when no credentials can be found for <paramref name="operation"/>.</summary>
    /// <param name="operation">The action.</param>
    /// <param name="message">Why, for example <c>No AccessKey in the options or the environment.</c></param>
    /// <param name="clientToken">The ClientToken the call would have sent.</param>
    public static EcsCredentialsException CredentialsException(string operation, string message, string? clientToken = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(operation);
        return new EcsCredentialsException(message).ForCall(operation, clientToken);
    }

    private static int Attempts(int attempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        return attempts;
    }
}
