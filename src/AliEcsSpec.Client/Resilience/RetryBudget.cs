namespace AliEcsSpec.Client.Resilience;

/// <summary>
/// A token bucket that every retry draws from, shared by the whole process (the AWS SDKs' "standard" retry quota):
/// a retry costs <see cref="RetryCost"/> (<see cref="TimeoutRetryCost"/> after a lost answer, which holds a connection
/// longest); a call that succeeds at once returns <see cref="SuccessRefill"/>, one that succeeds after retries returns
/// what they cost. While the service is down the bucket empties and calls fail after their first attempt, instead of
/// multiplying the load on a service that is trying to recover.
/// </summary>
internal sealed class RetryBudget
{
    /// <summary>How many tokens a full bucket holds.</summary>
    public const int Capacity = 500;

    /// <summary>What a retry after a service answer costs.</summary>
    public const int RetryCost = 5;

    /// <summary>What a retry after no answer (a time-out or a broken connection) costs.</summary>
    public const int TimeoutRetryCost = 10;

    /// <summary>What a call that succeeded on its first attempt gives back.</summary>
    public const int SuccessRefill = 1;

    private int _tokens;

    public RetryBudget(int tokens = Capacity) => _tokens = tokens;

    /// <summary>The bucket every client in the process shares, unless dependency injection registers another.</summary>
    public static RetryBudget Shared { get; } = new();

    /// <summary>The tokens left.</summary>
    public int Available => Volatile.Read(ref _tokens);

    /// <summary>Takes <paramref name="cost"/> tokens if that many are left.</summary>
    public bool TryAcquire(int cost)
    {
        var current = Volatile.Read(ref _tokens);
        while (current >= cost)
        {
            var seen = Interlocked.CompareExchange(ref _tokens, current - cost, current);
            if (seen == current)
            {
                return true;
            }

            current = seen;
        }

        return false;
    }

    /// <summary>Gives back <paramref name="amount"/> tokens, up to <see cref="Capacity"/>.</summary>
    public void Release(int amount)
    {
        var current = Volatile.Read(ref _tokens);
        while (current < Capacity)
        {
            var seen = Interlocked.CompareExchange(ref _tokens, Math.Min(Capacity, current + amount), current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
