using AliEcsSpec.Client.Errors;

namespace AliEcsSpec.Client;

/// <summary>
/// Changes the size of Alibaba Cloud ECS instances: the instance type of subscription instances
/// (<c>ModifyPrepayInstanceSpec</c>) and the instance type or public bandwidth of pay-as-you-go instances
/// (<c>ModifyInstanceSpec</c>); and what a resize needs around them: the instances' state (<c>DescribeInstances</c>),
/// what they can change to (<c>DescribeResourcesModification</c>), stopping and starting them (<c>StopInstance</c>,
/// <c>StartInstance</c>).
/// </summary>
/// <remarks>
/// Every method validates its request before anything is sent and throws <see cref="ArgumentException"/> naming the
/// parameter and the rule. The throwing methods raise a typed <see cref="EcsException"/> for every failure; the
/// <c>Try…</c> methods return the same information as an <see cref="EcsResult{T}"/> instead.
/// </remarks>
public interface IEcsSpecClient
{
    /// <summary>Changes the instance type of a subscription instance and returns the order it created.</summary>
    /// <param name="request">The change.</param>
    /// <param name="cancellationToken">Stops waiting for the answer. The service may still apply a request it received.</param>
    /// <returns>The request ID, the order ID and the ClientToken that was sent.</returns>
    /// <exception cref="ArgumentException">The request breaks a documented rule; nothing was sent.</exception>
    /// <exception cref="EcsServiceException">The service answered with an error (a family subclass for documented codes).</exception>
    /// <exception cref="EcsTransportException">No answer was received.</exception>
    /// <exception cref="EcsCredentialsException">No credentials were found.</exception>
    Task<ModifyPrepayInstanceSpecResponse> ModifyPrepayInstanceSpecAsync(
        ModifyPrepayInstanceSpecRequest request, CancellationToken cancellationToken = default);

    /// <summary>Changes the instance type or the public bandwidth of a pay-as-you-go instance.</summary>
    /// <param name="request">The change.</param>
    /// <param name="cancellationToken">Stops waiting for the answer. The service may still apply a request it received.</param>
    /// <returns>The request ID and the ClientToken that was sent.</returns>
    /// <exception cref="ArgumentException">The request breaks a documented rule; nothing was sent.</exception>
    /// <exception cref="EcsServiceException">The service answered with an error (a family subclass for documented codes).</exception>
    /// <exception cref="EcsTransportException">No answer was received.</exception>
    /// <exception cref="EcsCredentialsException">No credentials were found.</exception>
    Task<ModifyInstanceSpecResponse> ModifyInstanceSpecAsync(
        ModifyInstanceSpecRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Like <see cref="ModifyPrepayInstanceSpecAsync"/>, but service errors and transport failures are returned as
    /// a failed <see cref="EcsResult{T}"/> instead of thrown.
    /// </summary>
    /// <param name="request">The change.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The response, or the error.</returns>
    /// <exception cref="ArgumentException">The request breaks a documented rule; nothing was sent.</exception>
    /// <exception cref="EcsCredentialsException">No credentials were found.</exception>
    Task<EcsResult<ModifyPrepayInstanceSpecResponse>> TryModifyPrepayInstanceSpecAsync(
        ModifyPrepayInstanceSpecRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Like <see cref="ModifyInstanceSpecAsync"/>, but service errors and transport failures are returned as a
    /// failed <see cref="EcsResult{T}"/> instead of thrown.
    /// </summary>
    /// <param name="request">The change.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The response, or the error.</returns>
    /// <exception cref="ArgumentException">The request breaks a documented rule; nothing was sent.</exception>
    /// <exception cref="EcsCredentialsException">No credentials were found.</exception>
    Task<EcsResult<ModifyInstanceSpecResponse>> TryModifyInstanceSpecAsync(
        ModifyInstanceSpecRequest request, CancellationToken cancellationToken = default);

    /// <summary>Lists instances with their status, type, billing and locks, one page at a time.</summary>
    /// <param name="request">The query.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The request ID and one page of instances (or a passed dry run).</returns>
    /// <exception cref="ArgumentException">The request breaks a documented rule; nothing was sent.</exception>
    /// <exception cref="EcsServiceException">The service answered with an error (a family subclass for documented codes).</exception>
    /// <exception cref="EcsTransportException">No answer was received.</exception>
    /// <exception cref="EcsCredentialsException">No credentials were found.</exception>
    Task<DescribeInstancesResponse> DescribeInstancesAsync(
        DescribeInstancesRequest request, CancellationToken cancellationToken = default);

    /// <summary>Begins stopping a <c>Running</c> instance; it is <c>Stopping</c>, then <c>Stopped</c>.</summary>
    /// <param name="request">The stop.</param>
    /// <param name="cancellationToken">Stops waiting for the answer. The service may still stop an instance whose request it received.</param>
    /// <returns>The request ID (or a passed dry run).</returns>
    /// <exception cref="ArgumentException">The request breaks a documented rule; nothing was sent.</exception>
    /// <exception cref="EcsServiceException">The service answered with an error (a family subclass for documented codes).</exception>
    /// <exception cref="EcsTransportException">No answer was received.</exception>
    /// <exception cref="EcsCredentialsException">No credentials were found.</exception>
    Task<StopInstanceResponse> StopInstanceAsync(
        StopInstanceRequest request, CancellationToken cancellationToken = default);

    /// <summary>Begins starting a <c>Stopped</c> instance; it is <c>Starting</c>, then <c>Running</c>.</summary>
    /// <param name="request">The start.</param>
    /// <param name="cancellationToken">Stops waiting for the answer. The service may still start an instance whose request it received.</param>
    /// <returns>The request ID (or a passed dry run).</returns>
    /// <exception cref="ArgumentException">The request breaks a documented rule; nothing was sent.</exception>
    /// <exception cref="EcsServiceException">The service answered with an error (a family subclass for documented codes).</exception>
    /// <exception cref="EcsTransportException">No answer was received.</exception>
    /// <exception cref="EcsCredentialsException">No credentials were found.</exception>
    Task<StartInstanceResponse> StartInstanceAsync(
        StartInstanceRequest request, CancellationToken cancellationToken = default);

    /// <summary>Lists what an instance can change to (instance types or system disk categories), zone by zone, with their stock.</summary>
    /// <param name="request">The query.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The request ID and the zones with what they offer.</returns>
    /// <exception cref="ArgumentException">The request breaks a documented rule; nothing was sent.</exception>
    /// <exception cref="EcsServiceException">The service answered with an error (a family subclass for documented codes).</exception>
    /// <exception cref="EcsTransportException">No answer was received.</exception>
    /// <exception cref="EcsCredentialsException">No credentials were found.</exception>
    Task<DescribeResourcesModificationResponse> DescribeResourcesModificationAsync(
        DescribeResourcesModificationRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Like <see cref="DescribeInstancesAsync"/>, but service errors and transport failures are returned as a failed
    /// <see cref="EcsResult{T}"/> instead of thrown.
    /// </summary>
    /// <param name="request">The query.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The response, or the error.</returns>
    /// <exception cref="ArgumentException">The request breaks a documented rule; nothing was sent.</exception>
    /// <exception cref="EcsCredentialsException">No credentials were found.</exception>
    Task<EcsResult<DescribeInstancesResponse>> TryDescribeInstancesAsync(
        DescribeInstancesRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Like <see cref="StopInstanceAsync"/>, but service errors and transport failures are returned as a failed
    /// <see cref="EcsResult{T}"/> instead of thrown.
    /// </summary>
    /// <param name="request">The stop.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The response, or the error.</returns>
    /// <exception cref="ArgumentException">The request breaks a documented rule; nothing was sent.</exception>
    /// <exception cref="EcsCredentialsException">No credentials were found.</exception>
    Task<EcsResult<StopInstanceResponse>> TryStopInstanceAsync(
        StopInstanceRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Like <see cref="StartInstanceAsync"/>, but service errors and transport failures are returned as a failed
    /// <see cref="EcsResult{T}"/> instead of thrown.
    /// </summary>
    /// <param name="request">The start.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The response, or the error.</returns>
    /// <exception cref="ArgumentException">The request breaks a documented rule; nothing was sent.</exception>
    /// <exception cref="EcsCredentialsException">No credentials were found.</exception>
    Task<EcsResult<StartInstanceResponse>> TryStartInstanceAsync(
        StartInstanceRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Like <see cref="DescribeResourcesModificationAsync"/>, but service errors and transport failures are returned as a failed
    /// <see cref="EcsResult{T}"/> instead of thrown.
    /// </summary>
    /// <param name="request">The query.</param>
    /// <param name="cancellationToken">Stops waiting for the answer.</param>
    /// <returns>The response, or the error.</returns>
    /// <exception cref="ArgumentException">The request breaks a documented rule; nothing was sent.</exception>
    /// <exception cref="EcsCredentialsException">No credentials were found.</exception>
    Task<EcsResult<DescribeResourcesModificationResponse>> TryDescribeResourcesModificationAsync(
        DescribeResourcesModificationRequest request, CancellationToken cancellationToken = default);
}
