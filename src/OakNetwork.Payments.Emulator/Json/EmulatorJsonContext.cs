using System.Text.Json;
using System.Text.Json.Serialization;

namespace OakNetwork.Payments.Emulator.Json;

/// <summary>Source-generated serialization for every DTO the emulator writes (snake_case, nulls written).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    WriteIndented = false)]
[JsonSerializable(typeof(ErrorEnvelope))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(Jobs.SyncJobPayload))]
[JsonSerializable(typeof(SuccessEnvelope<CustomerDto>), TypeInfoPropertyName = "CustomerEnvelope")]
[JsonSerializable(typeof(SuccessEnvelope<CustomerListDto>), TypeInfoPropertyName = "CustomerListEnvelope")]
[JsonSerializable(typeof(SuccessEnvelope<IReadOnlyList<RegistrationDto>>), TypeInfoPropertyName = "RegistrationsEnvelope")]
[JsonSerializable(typeof(SuccessEnvelope<BalancesDto>), TypeInfoPropertyName = "BalancesEnvelope")]
[JsonSerializable(typeof(SuccessEnvelope<BalanceDto>), TypeInfoPropertyName = "BalanceEnvelope")]
[JsonSerializable(typeof(SuccessEnvelope<IReadOnlyList<FileItemDto>>), TypeInfoPropertyName = "FilesEnvelope")]
[JsonSerializable(typeof(SuccessEnvelope<JsonElement?>), TypeInfoPropertyName = "EmptyEnvelope")]
[JsonSerializable(typeof(SuccessEnvelope<MerchantDto>), TypeInfoPropertyName = "MerchantEnvelope")]
[JsonSerializable(typeof(SuccessEnvelope<IReadOnlyList<JournalEntryDto>>), TypeInfoPropertyName = "JournalEnvelope")]
[JsonSerializable(typeof(SuccessEnvelope<FaultsDto>), TypeInfoPropertyName = "FaultsEnvelope")]
internal sealed partial class EmulatorJsonContext : JsonSerializerContext;
