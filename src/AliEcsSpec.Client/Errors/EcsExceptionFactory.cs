using System.Globalization;
using System.Text;

namespace AliEcsSpec.Client.Errors;

/// <summary>Turns an <see cref="EcsError"/> into its typed exception and its one-line description.</summary>
internal static class EcsExceptionFactory
{
    public static EcsException Create(EcsError error) => error.Kind switch
    {
        EcsErrorKind.Transport => new EcsTransportException(error),
        EcsErrorKind.UnexpectedResponse => new EcsUnexpectedResponseException(error),
        EcsErrorKind.Credentials => new EcsCredentialsException(error),
        _ => error.Family switch
        {
            EcsErrorFamily.Throttling => new EcsThrottlingException(error),
            EcsErrorFamily.ServiceFailure => new EcsServiceFailureException(error),
            EcsErrorFamily.NotFound => new EcsNotFoundException(error),
            EcsErrorFamily.InvalidParameter => new EcsInvalidParameterException(error),
            EcsErrorFamily.IncorrectInstanceState => new EcsIncorrectInstanceStateException(error),
            EcsErrorFamily.QuotaExceeded => new EcsQuotaExceededException(error),
            EcsErrorFamily.Billing => new EcsBillingException(error),
            EcsErrorFamily.PermissionDenied => new EcsPermissionDeniedException(error),
            EcsErrorFamily.OperationDenied => new EcsOperationDeniedException(error),
            EcsErrorFamily.Capacity => new EcsCapacityException(error),
            EcsErrorFamily.UnsupportedChange => new EcsUnsupportedChangeException(error),
            EcsErrorFamily.IdempotencyMismatch => new EcsIdempotencyMismatchException(error),
            EcsErrorFamily.Authentication => new EcsAuthenticationException(error),
            _ => EcsServiceException.ForUndocumentedCode(error),
        },
    };

    /// <summary>
    /// One line a person can act on, for example
    /// <c>ModifyPrepayInstanceSpec failed: HTTP 400 Throttling: You have made too many requests… (RequestId: …, ClientToken: …)</c>.
    /// </summary>
    public static string Describe(EcsError error)
    {
        var text = new StringBuilder(160).Append(error.Operation).Append(" failed");
        if (error.Attempts > 1)
        {
            text.Append(" after ").Append(error.Attempts.ToString(CultureInfo.InvariantCulture)).Append(" attempts");
        }

        text.Append(": ");
        switch (error.Kind)
        {
            case EcsErrorKind.Transport:
                text.Append("no answer from the service. ").Append(error.Message);
                if (error.RequestMayHaveBeenSent)
                {
                    text.Append(error switch
                    {
                        { ClientToken: not null } => " The request may have reached the service; repeat it with the same ClientToken to learn its outcome safely.",
                        _ when EcsErrorCatalog.IsSafeToRepeat(error.Operation, null) => " The request may have reached the service; it only reads, so repeating it is safe.",
                        _ => " The request may have reached the service; it carried no ClientToken, so repeating it may apply the change twice, and the client did not repeat it (turn on AutoClientToken or pass a ClientToken to make retries safe).",
                    });
                }

                break;
            case EcsErrorKind.UnexpectedResponse:
                text.Append("unexpected response, HTTP ")
                    .Append(((int?)error.StatusCode ?? 0).ToString(CultureInfo.InvariantCulture))
                    .Append(": ").Append(error.Message);
                break;
            case EcsErrorKind.Credentials:
                text.Append("no usable credentials; nothing was sent. ").Append(error.Message);
                break;
            default:
                text.Append("HTTP ")
                    .Append(((int?)error.StatusCode ?? 0).ToString(CultureInfo.InvariantCulture))
                    .Append(' ').Append(error.ErrorCode).Append(": ").Append(error.Message);
                break;
        }

        if (error.Advice is not null)
        {
            text.Append(' ').Append(error.Advice).Append('.');
        }

        if (error.NotRetriedBecause is not null)
        {
            text.Append(" Not retried: ").Append(error.NotRetriedBecause).Append('.');
        }

        if (error.RequestId is not null || error.ClientToken is not null)
        {
            text.Append(" (");
            if (error.RequestId is not null)
            {
                text.Append("RequestId: ").Append(error.RequestId);
            }

            if (error.ClientToken is not null)
            {
                text.Append(error.RequestId is null ? string.Empty : ", ").Append("ClientToken: ").Append(error.ClientToken);
            }

            text.Append(')');
        }

        return text.ToString();
    }
}
