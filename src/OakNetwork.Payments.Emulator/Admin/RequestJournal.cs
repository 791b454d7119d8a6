using OakNetwork.Payments.Emulator.Json;

namespace OakNetwork.Payments.Emulator.Admin;

/// <summary>
/// The newest requests this instance answered, in memory (a ring of 1,000): method, path without query string,
/// status, merchant, idempotency key and time. Never bodies, query strings or credentials.
/// </summary>
internal sealed class RequestJournal
{
    public const int Capacity = 1000;
    private readonly JournalEntryDto[] _entries = new JournalEntryDto[Capacity];
    private readonly Lock _lock = new();
    private long _count;

    public void Add(JournalEntryDto entry)
    {
        lock (_lock)
        {
            _entries[_count % Capacity] = entry;
            _count++;
        }
    }

    public IReadOnlyList<JournalEntryDto> Newest(int limit)
    {
        lock (_lock)
        {
            var available = (int)Math.Min(_count, Capacity);
            var take = Math.Min(limit, available);
            var result = new List<JournalEntryDto>(take);
            for (var i = 0; i < take; i++)
            {
                result.Add(_entries[(_count - 1 - i) % Capacity]);
            }

            return result;
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            Array.Clear(_entries);
            _count = 0;
        }
    }
}
