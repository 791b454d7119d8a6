namespace OakNetwork.Payments.Emulator.Api;

/// <summary>The closed value sets of the contract, lowercase unless noted.</summary>
internal static class ContractVocabulary
{
    public static readonly IReadOnlyList<string> DocumentTypes =
        ["cpf", "cnpj", "passport", "ssn", "itin", "cc", "curp", "personal_tax_id", "company_tax_id"];

    public static readonly IReadOnlyList<string> Genders = ["male", "female", "other"];

    /// <summary>Providers a customer can be synced to (§4.5).</summary>
    public static readonly IReadOnlyList<string> SyncProviders =
        ["stripe", "bridge", "pagar_me", "brla", "avenia", "mercado_pago"];

    /// <summary>Fields a sync can carry (§4.5).</summary>
    public static readonly IReadOnlyList<string> SyncFields = ["shipping", "email", "first_name", "last_name"];

    /// <summary>Providers a customer can register with (§4.9).</summary>
    public static readonly IReadOnlyList<string> PlatformProviders =
    [
        "stripe", "bridge", "pagar_me", "brla", "avenia", "mercado_pago", "facilita_pay", "inter_bank",
        "wallet_service", "crowd_split", "konduto", "cel_coin", "cel_baas",
    ];

    public static readonly IReadOnlyList<string> TargetRoles = ["customer", "connected_account", "subaccount"];

    public static readonly IReadOnlyList<string> RegistrationStatuses =
    [
        "not_submitted", "submitted", "awaiting_confirmation", "processing", "approved", "rejected", "restricted",
        "cancelled", "error",
    ];

    /// <summary>Upload <c>file_type</c> values (UPPERCASE).</summary>
    public static readonly IReadOnlyList<string> FileTypes = ["SSN_BACK", "SSN_FRONT", "CPF_DOCUMENT", "PASSPORT", "ADDRESS_PROOF"];

    public static string OneOf(IReadOnlyList<string> values) => "one of: " + string.Join(", ", values);
}
