using System.Text.RegularExpressions;
using OakNetwork.Payments.Emulator.Api;
using OakNetwork.Payments.Emulator.Json;

namespace OakNetwork.Payments.Emulator.Customers;

/// <summary>
/// Path ids (contract §1, Decision): a UUID, bare or with <c>cus_</c>; another resource's prefix
/// (<c>pm_</c>, <c>pay_</c>, …) is 422; anything else is 404.
/// </summary>
internal static partial class CustomerIds
{
    public static Guid Parse(string? raw)
    {
        raw ??= "";
        var candidate = raw.StartsWith("cus_", StringComparison.Ordinal) ? raw[4..] : raw;
        if (candidate.Length == 36 && Guid.TryParseExact(candidate, "D", out var id))
        {
            return id;
        }

        if (raw.Length <= 100 && OtherPrefix().IsMatch(raw) && !raw.StartsWith("cus_", StringComparison.Ordinal))
        {
            throw new ApiException(422, "Invalid customer id",
                [FailureReason.For("id", "wrong_resource", "id belongs to another kind of resource; a customer id is a UUID, optionally prefixed with cus_")]);
        }

        throw ApiException.NotFound();
    }

    [GeneratedRegex("^[a-z]{1,16}_[A-Za-z0-9-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex OtherPrefix();
}
