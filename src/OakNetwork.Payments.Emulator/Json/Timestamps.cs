using System.Globalization;

namespace OakNetwork.Payments.Emulator.Json;

/// <summary>RFC 3339 UTC timestamps with millisecond precision and a <c>Z</c>.</summary>
internal static class Timestamps
{
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string? Format(DateTimeOffset? value) => value is { } v ? Format(v) : null;
}
