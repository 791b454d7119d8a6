using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OakNetwork.Payments.Tests.TestSupport;

/// <summary>An <see cref="ILoggerFactory"/> that keeps every log entry (message and structured values), all levels.</summary>
internal sealed class LogCapture : ILoggerFactory
{
    public ConcurrentQueue<Entry> Entries { get; } = new();

    public IEnumerable<string> Messages => Entries.Select(e => e.Message);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    /// <summary>Everything a log sink could see: category, message and every structured value as text.</summary>
    public string AllText => string.Join("\n", Entries.Select(e => e.Category + " " + e.Message + " " + string.Join(" ", e.State.Select(kv => kv.Key + "=" + kv.Value))));

    internal sealed record Entry(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyList<KeyValuePair<string, object?>> State);

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            owner.Entries.Enqueue(new Entry(category, logLevel, eventId, formatter(state, exception), values.ToList()));
        }
    }
}
