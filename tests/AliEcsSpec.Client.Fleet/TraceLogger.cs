using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace AliEcsSpec.Client.Fleet;

/// <summary>With <c>FLEET_TRACE=1</c>, prints the client's rate-limit cuts to stderr with the time since the run began, to see how the limiter learns.</summary>
internal sealed class TraceLogger(long started) : ILogger, ILoggerFactory
{
    public static ILoggerFactory? FromEnvironment(long started) =>
        Environment.GetEnvironmentVariable("FLEET_TRACE") == "1" ? new TraceLogger(started) : null;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (eventId.Name == "RateLimitCut")
        {
            Console.Error.WriteLine($"{Stopwatch.GetElapsedTime(started).TotalSeconds,7:F2} s  {formatter(state, exception)}");
        }
    }

    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }
}
