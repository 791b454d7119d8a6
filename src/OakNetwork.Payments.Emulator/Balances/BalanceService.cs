using OakNetwork.Payments.Emulator.Api;
using OakNetwork.Payments.Emulator.Json;
using OakNetwork.Payments.Emulator.Storage;

namespace OakNetwork.Payments.Emulator.Balances;

/// <summary>Balances per (provider, role) account (contract §4.6), and the admin API's way to set them.</summary>
internal sealed class BalanceService(TimeProvider time)
{
    public async Task<BalancesDto> GetAsync(IStoreSession session, string merchantId, Guid customerId, IReadOnlyList<string>? providers, IReadOnlyList<string>? roles, CancellationToken cancellationToken)
    {
        _ = await session.GetCustomerAsync(merchantId, customerId, cancellationToken).ConfigureAwait(false) ?? throw ApiException.NotFound();
        var accounts = await session.GetAccountsAsync(customerId, cancellationToken).ConfigureAwait(false);
        var asOf = Timestamps.Format(time.GetUtcNow());
        var id = customerId.ToString("D");
        var balances = accounts
            .Where(a => (providers is null || providers.Contains(a.Provider)) && (roles is null || roles.Contains(a.Role)))
            .Select(a => new BalanceDto(a.Id, a.Provider, new BalanceCustomerDto(id, a.Role), asOf, a.Totals.Select(ToDto).ToList()))
            .ToList();
        var filters = new BalanceFiltersDto(id, providers is null ? null : string.Join(',', providers), roles is null ? null : string.Join(',', roles));
        return new BalancesDto(asOf, filters, balances);
    }

    /// <summary>Sets one currency's totals of the (provider, role) account, creating the account if needed.</summary>
    public async Task<BalanceDto> SetAsync(IStoreSession session, Guid customerId, string provider, string role, BalanceTotalRecord total, CancellationToken cancellationToken)
    {
        _ = await session.GetCustomerAnyMerchantAsync(customerId, cancellationToken).ConfigureAwait(false) ?? throw ApiException.NotFound();
        var now = time.GetUtcNow();
        var account = await session.EnsureAccountAsync(customerId, provider, role, total.Currency, now, cancellationToken).ConfigureAwait(false);
        await session.SetBalanceTotalAsync(account.Id, total, now, cancellationToken).ConfigureAwait(false);
        account = (await session.GetAccountsAsync(customerId, cancellationToken).ConfigureAwait(false)).Single(a => a.Id == account.Id);
        return new BalanceDto(account.Id, account.Provider, new BalanceCustomerDto(customerId.ToString("D"), account.Role), Timestamps.Format(now), account.Totals.Select(ToDto).ToList());
    }

    private static BalanceTotalDto ToDto(BalanceTotalRecord t) =>
        new(t.Currency, checked(t.Available + t.Pending + t.Reserved), t.Available, t.Pending, t.Reserved, t.InstantPayouts);
}
