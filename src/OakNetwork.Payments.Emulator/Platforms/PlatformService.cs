using System.Text;
using System.Text.Json;
using OakNetwork.Payments.Emulator.Api;
using OakNetwork.Payments.Emulator.Balances;
using OakNetwork.Payments.Emulator.Json;
using OakNetwork.Payments.Emulator.Storage;

namespace OakNetwork.Payments.Emulator.Platforms;

/// <summary>
/// Populate platform (contract §4.9): creates or updates the registration for (provider, target_role), keeps the
/// provider-specific keys as given (merged over earlier ones), opens the matching balance account, and hands the
/// customer to the KYC simulation.
/// </summary>
internal sealed class PlatformService(TimeProvider time, KycSimulator kyc)
{
    public static PopulateRequest ParseRequest(JsonElement body)
    {
        var errors = new List<FailureReason>();
        var provider = JsonBody.RequiredString(body, "provider", errors)?.ToLowerInvariant();
        if (provider is not null && !ContractVocabulary.PlatformProviders.Contains(provider))
        {
            errors.Add(FailureReason.For("provider", "invalid_value", "provider must be " + ContractVocabulary.OneOf(ContractVocabulary.PlatformProviders)));
        }

        // Decision (contract §4.9): target_role is optional and defaults to "customer".
        var role = JsonBody.OptionalString(body, "target_role", errors)?.ToLowerInvariant() ?? "customer";
        if (!ContractVocabulary.TargetRoles.Contains(role))
        {
            errors.Add(FailureReason.For("target_role", "invalid_value", "target_role must be " + ContractVocabulary.OneOf(ContractVocabulary.TargetRoles)));
        }

        if (errors.Count > 0)
        {
            throw ApiException.Validation("Invalid provider or role", [.. errors]);
        }

        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in body.EnumerateObject())
        {
            if (property.Name is not ("provider" or "target_role"))
            {
                data[property.Name] = property.Value.GetRawText();
            }
        }

        return new PopulateRequest(provider!, role, data);
    }

    public async Task<IReadOnlyList<RegistrationRecord>> PopulateAsync(IStoreSession session, string merchantId, Guid customerId, PopulateRequest request, CancellationToken cancellationToken)
    {
        var customer = await session.GetCustomerAsync(merchantId, customerId, cancellationToken).ConfigureAwait(false) ?? throw ApiException.NotFound();
        var now = time.GetUtcNow();
        var registration = customer.Platforms.FirstOrDefault(r => r.Provider == request.Provider && r.TargetRole == request.TargetRole);
        if (registration is null)
        {
            registration = new RegistrationRecord { CustomerId = customer.Id, Provider = request.Provider, TargetRole = request.TargetRole, CreatedAt = now };
            customer.Platforms.Add(registration);
        }

        registration.Status = "submitted";
        registration.Readiness = null;
        registration.RejectionReason = null;
        registration.ActionRequired = null;
        registration.Data = Merge(registration.Data, request.Data);
        registration.UpdatedAt = now;
        await session.UpsertRegistrationAsync(registration, cancellationToken).ConfigureAwait(false);
        await session.EnsureAccountAsync(customer.Id, request.Provider, request.TargetRole, ProviderCurrencies.Default(request.Provider), now, cancellationToken).ConfigureAwait(false);
        await kyc.OnRegistrationSubmittedAsync(session, customer, cancellationToken).ConfigureAwait(false);
        return customer.Platforms;
    }

    private static string Merge(string existing, IReadOnlyDictionary<string, string> updates)
    {
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var document = JsonDocument.Parse(existing))
        {
            foreach (var property in document.RootElement.EnumerateObject())
            {
                merged[property.Name] = property.Value.GetRawText();
            }
        }

        foreach (var (key, value) in updates)
        {
            merged[key] = value;
        }

        var text = new StringBuilder("{");
        foreach (var (key, value) in merged)
        {
            if (text.Length > 1)
            {
                text.Append(',');
            }

            text.Append(JsonSerializer.Serialize(key, EmulatorJsonContext.Default.String)).Append(':').Append(value);
        }

        return text.Append('}').ToString();
    }
}
