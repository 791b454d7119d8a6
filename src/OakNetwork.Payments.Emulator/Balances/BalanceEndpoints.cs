using OakNetwork.Payments.Emulator.Api;
using OakNetwork.Payments.Emulator.Customers;
using OakNetwork.Payments.Emulator.Hosting;
using OakNetwork.Payments.Emulator.Json;
using OakNetwork.Payments.Emulator.Storage;

namespace OakNetwork.Payments.Emulator.Balances;

/// <summary>The balances endpoint (contract §4.6).</summary>
internal static class BalanceEndpoints
{
    public static void MapBalanceEndpoints(this RouteGroupBuilder customers)
    {
        customers.MapGet("/{id}/balances", GetAsync).WithName("GetCustomerBalances").WithSummary("Balances per provider account")
            .Produces<SuccessEnvelope<BalancesDto>>().Produces<ErrorEnvelope>(400).Produces<ErrorEnvelope>(404);
    }

    private static async Task<IResult> GetAsync(string id, HttpContext context, UnitOfWork unitOfWork, BalanceService balances)
    {
        var customerId = CustomerIds.Parse(id);
        var errors = new List<FailureReason>();
        var providers = Filter(context.Request.Query, "provider", ContractVocabulary.PlatformProviders, errors);
        var roles = Filter(context.Request.Query, "role", ContractVocabulary.TargetRoles, errors);
        if (errors.Count > 0)
        {
            throw ApiException.Validation(errors);
        }

        var session = await unitOfWork.SessionAsync(context.RequestAborted).ConfigureAwait(false);
        var data = await balances.GetAsync(session, context.RequireMerchantId(), customerId, providers, roles, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Json(new SuccessEnvelope<BalancesDto>("Balances fetched successfully", data), EmulatorJsonContext.Default.BalancesEnvelope);
    }

    private static List<string>? Filter(IQueryCollection query, string name, IReadOnlyList<string> allowed, List<FailureReason> errors)
    {
        if (!query.TryGetValue(name, out var values) || values.All(string.IsNullOrWhiteSpace))
        {
            return null;
        }

        var items = new List<string>();
        foreach (var item in values.SelectMany(v => (v ?? "").Split(',')))
        {
            var value = item.Trim().ToLowerInvariant();
            if (!allowed.Contains(value))
            {
                errors.Add(FailureReason.For(name, "invalid_value", $"{name} must be a comma-separated list, each {ContractVocabulary.OneOf(allowed)}"));
                return null;
            }

            if (!items.Contains(value))
            {
                items.Add(value);
            }
        }

        return items;
    }
}
