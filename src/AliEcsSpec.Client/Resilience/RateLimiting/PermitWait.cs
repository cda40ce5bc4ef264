namespace AliEcsSpec.Client.Resilience.RateLimiting;

/// <summary>The outcome of asking for a permit: granted after <paramref name="Wait"/>, or refused because it would come later than allowed.</summary>
internal readonly record struct PermitWait(bool Granted, TimeSpan Wait);

/// <summary>A cut of the learnt rate, for the log line.</summary>
internal readonly record struct RateChange(double From, double To);

/// <summary>A permit's place in a limiter's schedule and, when it was taken, how long it had to wait.</summary>
internal readonly record struct Ticket(long Number, double Wait);
