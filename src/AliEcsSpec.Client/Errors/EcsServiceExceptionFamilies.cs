namespace AliEcsSpec.Client.Errors;

/// <summary>The request was throttled, or an earlier order or token of the instance is still being processed. Retry later, with the same ClientToken.</summary>
/// <remarks>Raised for every code of the <see cref="EcsErrorFamily.Throttling"/> family.</remarks>
public sealed class EcsThrottlingException : EcsServiceException
{
    internal EcsThrottlingException(EcsError error)
        : base(error)
    {
    }
}

/// <summary>The service failed on its side (<c>InternalError</c>, <c>ServiceUnavailable</c>).</summary>
/// <remarks>Raised for every code of the <see cref="EcsErrorFamily.ServiceFailure"/> family.</remarks>
public sealed class EcsServiceFailureException : EcsServiceException
{
    internal EcsServiceFailureException(EcsError error)
        : base(error)
    {
    }
}

/// <summary>The instance, region or another referenced resource does not exist or was released.</summary>
/// <remarks>Raised for every code of the <see cref="EcsErrorFamily.NotFound"/> family.</remarks>
public sealed class EcsNotFoundException : EcsServiceException
{
    internal EcsNotFoundException(EcsError error)
        : base(error)
    {
    }
}

/// <summary>The service rejected a parameter as missing, malformed or out of range.</summary>
/// <remarks>Raised for every code of the <see cref="EcsErrorFamily.InvalidParameter"/> family.</remarks>
public sealed class EcsInvalidParameterException : EcsServiceException
{
    internal EcsInvalidParameterException(EcsError error)
        : base(error)
    {
    }
}

/// <summary>The instance is not in a state that allows the change, for example it must be <c>Stopped</c> to be downgraded.</summary>
/// <remarks>Raised for every code of the <see cref="EcsErrorFamily.IncorrectInstanceState"/> family.</remarks>
public sealed class EcsIncorrectInstanceStateException : EcsServiceException
{
    internal EcsIncorrectInstanceStateException(EcsError error)
        : base(error)
    {
    }
}

/// <summary>A quota or limit would be exceeded, for example the three downgrades an instance may have.</summary>
/// <remarks>Raised for every code of the <see cref="EcsErrorFamily.QuotaExceeded"/> family.</remarks>
public sealed class EcsQuotaExceededException : EcsServiceException
{
    internal EcsQuotaExceededException(EcsError error)
        : base(error)
    {
    }
}

/// <summary>A billing or payment problem: arrears, insufficient balance, unpaid orders or an unsuitable billing method.</summary>
/// <remarks>Raised for every code of the <see cref="EcsErrorFamily.Billing"/> family.</remarks>
public sealed class EcsBillingException : EcsServiceException
{
    internal EcsBillingException(EcsError error)
        : base(error)
    {
    }
}

/// <summary>The caller lacks a permission: a RAM policy, price or refund permission, or an unauthorized instance type.</summary>
/// <remarks>Raised for every code of the <see cref="EcsErrorFamily.PermissionDenied"/> family.</remarks>
public sealed class EcsPermissionDeniedException : EcsServiceException
{
    internal EcsPermissionDeniedException(EcsError error)
        : base(error)
    {
    }
}

/// <summary>The service denied the operation (<c>OperationDenied</c>) without a more specific reason.</summary>
/// <remarks>Raised for every code of the <see cref="EcsErrorFamily.OperationDenied"/> family.</remarks>
public sealed class EcsOperationDeniedException : EcsServiceException
{
    internal EcsOperationDeniedException(EcsError error)
        : base(error)
    {
    }
}

/// <summary>The requested resources are out of stock, or the instance type is retired.</summary>
/// <remarks>Raised for every code of the <see cref="EcsErrorFamily.Capacity"/> family.</remarks>
public sealed class EcsCapacityException : EcsServiceException
{
    internal EcsCapacityException(EcsError error)
        : base(error)
    {
    }
}

/// <summary>The requested change is not supported for this instance, image, disk or network configuration.</summary>
/// <remarks>Raised for every code of the <see cref="EcsErrorFamily.UnsupportedChange"/> family.</remarks>
public sealed class EcsUnsupportedChangeException : EcsServiceException
{
    internal EcsUnsupportedChangeException(EcsError error)
        : base(error)
    {
    }
}

/// <summary>The <c>ClientToken</c> was used before with different parameters. Never retried: use a new token for a new change.</summary>
/// <remarks>Raised for every code of the <see cref="EcsErrorFamily.IdempotencyMismatch"/> family.</remarks>
public sealed class EcsIdempotencyMismatchException : EcsServiceException
{
    internal EcsIdempotencyMismatchException(EcsError error)
        : base(error)
    {
    }
}

/// <summary>The request could not be authenticated: signature, AccessKey, timestamp, nonce or security token.</summary>
/// <remarks>Raised for every code of the <see cref="EcsErrorFamily.Authentication"/> family.</remarks>
public sealed class EcsAuthenticationException : EcsServiceException
{
    internal EcsAuthenticationException(EcsError error)
        : base(error)
    {
    }
}
