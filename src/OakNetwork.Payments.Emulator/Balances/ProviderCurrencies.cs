namespace OakNetwork.Payments.Emulator.Balances;

/// <summary>The currency a new account starts with (zero totals): USD for US providers, BRL for Brazilian ones.</summary>
internal static class ProviderCurrencies
{
    public static string Default(string provider) => provider is "stripe" or "bridge" or "wallet_service" ? "usd" : "brl";
}
