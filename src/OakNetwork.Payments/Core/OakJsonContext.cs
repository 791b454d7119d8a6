using System.Text.Json;
using System.Text.Json.Serialization;

namespace OakNetwork.Payments;

/// <summary>
/// The SDK's only JSON metadata: source-generated, snake_case, so serialization needs no reflection (trimming and
/// Native AOT safe). Numbers are also read from strings, for leniency.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(ApiResponse<Customer>), TypeInfoPropertyName = "CustomerResponse")]
[JsonSerializable(typeof(ApiResponse<CustomerListPage>), TypeInfoPropertyName = "CustomerListPageResponse")]
[JsonSerializable(typeof(ApiResponse<JsonElement?>), TypeInfoPropertyName = "EmptyResponse")]
[JsonSerializable(typeof(ApiResponse<CustomerBalances>), TypeInfoPropertyName = "CustomerBalancesResponse")]
[JsonSerializable(typeof(ApiResponse<IReadOnlyList<CustomerFile>>), TypeInfoPropertyName = "CustomerFilesResponse")]
[JsonSerializable(typeof(ApiResponse<IReadOnlyList<PlatformRegistration>>), TypeInfoPropertyName = "PlatformRegistrationsResponse")]
[JsonSerializable(typeof(CreateCustomerRequest))]
[JsonSerializable(typeof(UpdateCustomerRequest))]
[JsonSerializable(typeof(CustomerSyncRequest))]
[JsonSerializable(typeof(PlatformRequest))]
[JsonSerializable(typeof(TokenGrantRequest))]
[JsonSerializable(typeof(TokenGrantResponse))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(bool))]
internal sealed partial class OakJsonContext : JsonSerializerContext
{
}
