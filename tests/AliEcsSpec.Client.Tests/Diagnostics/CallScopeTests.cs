using AliEcsSpec.Client.Tests.Support;
using Microsoft.Extensions.Logging;

namespace AliEcsSpec.Client.Tests.Diagnostics;

/// <summary>When a call opens its log scope (the one that carries its ClientToken), and when it spares the cost.</summary>
public sealed class CallScopeTests
{
    [Fact]
    public async Task ModifyInstanceSpecAsync_LoggingOffAtEveryLevel_OpensNoScope()
    {
        var scopes = new ScopeRecorder();
        using var loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.None).AddProvider(scopes));
        using var test = new TestClient(loggerFactory: loggers).AnswerSpecSuccess();

        await test.Client.ModifyInstanceSpecAsync(TestClient.Spec() with { ClientToken = "tok-off" });

        Assert.Empty(scopes.Opened);
    }

    [Fact]
    public async Task ModifyInstanceSpecAsync_LoggingOnAtWarningOnly_OpensTheCallScopeWithTheToken()
    {
        var scopes = new ScopeRecorder();
        using var loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Warning).AddProvider(scopes));
        using var test = new TestClient(loggerFactory: loggers).AnswerSpecSuccess();

        await test.Client.ModifyInstanceSpecAsync(TestClient.Spec() with { ClientToken = "tok-on" });

        Assert.Equal("ModifyInstanceSpec ClientToken: tok-on", Assert.Single(scopes.Opened));
    }

    private sealed class ScopeRecorder : ILoggerProvider, ILogger
    {
        public List<string> Opened { get; } = [];

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            lock (Opened)
            {
                Opened.Add(state.ToString() ?? string.Empty);
            }

            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
        }

        public void Dispose()
        {
        }
    }
}
