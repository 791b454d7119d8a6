using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OakNetwork.Payments.Reliability.Tests.Infrastructure;

/// <summary>
/// Keeps every log entry at every level: the formatted message, each structured value, the scope values and the
/// exception chain, so a test can search all of it.
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            owner.Lines.Enqueue($"[scope] {category}: {Describe(state)}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            owner.Lines.Enqueue($"{logLevel} {category}[{eventId}]: {formatter(state, exception)} | {Describe(state)} | {exception}");
        }

        private static string Describe(object? state) => state is IEnumerable<KeyValuePair<string, object?>> values
            ? string.Join("; ", values.Select(v => $"{v.Key}={v.Value}"))
            : state?.ToString() ?? "";
    }
}
