using AliEcsSpec.Client.Errors;

namespace AliEcsSpec.Client;

/// <summary>
/// Changes the size of Alibaba Cloud ECS instances: the instance type of subscription instances
/// (<c>ModifyPrepayInstanceSpec</c>) and the instance type or public bandwidth of pay-as-you-go instances
/// (<c>ModifyInstanceSpec</c>).
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
}
