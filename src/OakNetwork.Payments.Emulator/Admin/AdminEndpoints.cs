using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using System.Text.Json;
using OakNetwork.Payments.Emulator.Api;
using OakNetwork.Payments.Emulator.Auth;
using OakNetwork.Payments.Emulator.Balances;
using OakNetwork.Payments.Emulator.Customers;
using OakNetwork.Payments.Emulator.Hosting;
using OakNetwork.Payments.Emulator.Json;
using OakNetwork.Payments.Emulator.Platforms;
using OakNetwork.Payments.Emulator.Storage;

namespace OakNetwork.Payments.Emulator.Admin;

/// <summary>
/// The emulator's own API under <c>/_emulator</c> (contract §5), for tests and demos: loopback only, no bearer
/// token, enveloped like the rest.
/// </summary>
internal static class AdminEndpoints
{
    public static void MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup(ApiPaths.Admin).ExcludeFromDescription();
        admin.MapPost("/reset", ResetAsync);
        admin.MapPost("/merchants", AddMerchantAsync);
        admin.MapPost("/customers/{id}/balances", SetBalanceAsync);
        admin.MapPost("/customers/{id}/registrations", DecideRegistrationAsync);
        admin.MapGet("/requests", Requests);
        admin.MapGet("/faults", (FaultInjector faults) => FaultsResult("Faults in force", faults.Settings));
        admin.MapPut("/faults", SetFaults);
        admin.MapDelete("/faults", (FaultInjector faults) =>
        {
            faults.Settings = FaultSettings.None;
            return FaultsResult("Faults cleared", FaultSettings.None);
        });
    }

    private static async Task<IResult> ResetAsync(HttpContext context, UnitOfWork unitOfWork, FaultInjector faults, RequestJournal journal)
    {
        var session = await unitOfWork.SessionAsync(context.RequestAborted).ConfigureAwait(false);
        await session.ResetAsync(context.RequestAborted).ConfigureAwait(false);
        faults.Settings = FaultSettings.None;
        journal.Clear();
        return TypedResults.Json(new SuccessEnvelope<JsonElement?>("Emulator reset", null), EmulatorJsonContext.Default.EmptyEnvelope);
    }

    private static async Task<IResult> AddMerchantAsync(HttpContext context, UnitOfWork unitOfWork, TimeProvider time)
    {
        using var body = JsonBody.ParseObject(context.GetBufferedBody());
        var errors = new List<FailureReason>();
        var clientId = JsonBody.RequiredString(body.RootElement, "client_id", errors);
        var clientSecret = JsonBody.RequiredString(body.RootElement, "client_secret", errors);
        if (clientId is "" || clientSecret is "")
        {
            errors.Add(new FailureReason("required", "client_id and client_secret must not be empty", ["client_id", "client_secret"]));
        }

        if (errors.Count > 0)
        {
            throw ApiException.Validation(errors);
        }

        var session = await unitOfWork.SessionAsync(context.RequestAborted).ConfigureAwait(false);
        var merchant = new MerchantRecord(Guid.NewGuid().ToString(), clientId!, SecretHasher.Hash(clientSecret!), false, time.GetUtcNow());
        if (!await session.InsertMerchantAsync(merchant, context.RequestAborted).ConfigureAwait(false))
        {
            throw new ApiException(409, "Merchant already exists", [FailureReason.For("client_id", "already_exists", "A merchant with this client_id already exists")]);
        }

        return TypedResults.Json(new SuccessEnvelope<MerchantDto>("Merchant created", new MerchantDto(merchant.Id, merchant.ClientId)), EmulatorJsonContext.Default.MerchantEnvelope);
    }

    private static async Task<IResult> SetBalanceAsync(string id, HttpContext context, UnitOfWork unitOfWork, BalanceService balances)
    {
        var customerId = CustomerIds.Parse(id);
        using var body = JsonBody.ParseObject(context.GetBufferedBody());
        var root = body.RootElement;
        var errors = new List<FailureReason>();
        var provider = Choice(root, "provider", ContractVocabulary.PlatformProviders, errors, required: true);
        var role = Choice(root, "role", ContractVocabulary.TargetRoles, errors, required: false) ?? "customer";
        var currency = JsonBody.RequiredString(root, "currency", errors)?.ToLowerInvariant();
        if (currency is not null && (currency.Length != 3 || !currency.All(char.IsAsciiLetterLower)))
        {
            errors.Add(FailureReason.For("currency", "invalid_format", "currency must be a three-letter ISO 4217 code"));
        }

        const long limit = 1_000_000_000_000_000; // keeps available + pending + reserved far from overflow
        var available = JsonBody.OptionalInteger(root, "available", errors, -limit, limit) ?? 0;
        var pending = JsonBody.OptionalInteger(root, "pending", errors, -limit, limit) ?? 0;
        var reserved = JsonBody.OptionalInteger(root, "reserved", errors, -limit, limit) ?? 0;
        var instant = JsonBody.OptionalInteger(root, "instant_payouts", errors, -limit, limit) ?? 0;
        if (errors.Count > 0)
        {
            throw ApiException.Validation(errors);
        }

        var session = await unitOfWork.SessionAsync(context.RequestAborted).ConfigureAwait(false);
        var balance = await balances.SetAsync(session, customerId, provider!, role, new BalanceTotalRecord(currency!, available, pending, reserved, instant), context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Json(new SuccessEnvelope<BalanceDto>("Balance set", balance), EmulatorJsonContext.Default.BalanceEnvelope);
    }

    private static async Task<IResult> DecideRegistrationAsync(string id, HttpContext context, UnitOfWork unitOfWork, KycSimulator kyc)
    {
        var customerId = CustomerIds.Parse(id);
        using var body = JsonBody.ParseObject(context.GetBufferedBody());
        var root = body.RootElement;
        var errors = new List<FailureReason>();
        var provider = Choice(root, "provider", ContractVocabulary.PlatformProviders, errors, required: true);
        var role = Choice(root, "target_role", ContractVocabulary.TargetRoles, errors, required: false) ?? "customer";
        var status = Choice(root, "status", ContractVocabulary.RegistrationStatuses, errors, required: true);
        var reason = JsonBody.OptionalString(root, "rejection_reason", errors, maxLength: 1000);
        if (errors.Count > 0)
        {
            throw ApiException.Validation(errors);
        }

        var session = await unitOfWork.SessionAsync(context.RequestAborted).ConfigureAwait(false);
        var customer = await session.GetCustomerAnyMerchantAsync(customerId, context.RequestAborted).ConfigureAwait(false) ?? throw ApiException.NotFound();
        var registration = customer.Platforms.FirstOrDefault(r => r.Provider == provider && r.TargetRole == role)
            ?? throw ApiException.NotFound("Registration not found");
        await kyc.DecideAsync(session, customer, registration, status!, reason, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Json(new SuccessEnvelope<CustomerDto>("Registration decided", CustomerMapper.ToDto(customer)), EmulatorJsonContext.Default.CustomerEnvelope);
    }

    private static JsonHttpResult<SuccessEnvelope<IReadOnlyList<JournalEntryDto>>> Requests(HttpContext context, RequestJournal journal)
    {
        var raw = context.Request.Query["limit"].ToString();
        var limit = 50;
        if (raw.Length > 0 && (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > RequestJournal.Capacity))
        {
            throw ApiException.Validation([FailureReason.For("limit", "invalid_value", $"limit must be an integer from 1 to {RequestJournal.Capacity}")]);
        }

        return TypedResults.Json(new SuccessEnvelope<IReadOnlyList<JournalEntryDto>>("Requests fetched", journal.Newest(limit)), EmulatorJsonContext.Default.JournalEnvelope);
    }

    private static JsonHttpResult<SuccessEnvelope<FaultsDto>> SetFaults(HttpContext context, FaultInjector faults)
    {
        using var body = JsonBody.ParseObject(context.GetBufferedBody());
        var root = body.RootElement;
        var errors = new List<FailureReason>();
        var latency = (int)(JsonBody.OptionalInteger(root, "latency_ms", errors, 0, 60_000) ?? 0);
        var status = (int)(JsonBody.OptionalInteger(root, "error_status", errors, 400, 599) ?? 503);
        var throttle = (int)(JsonBody.OptionalInteger(root, "throttle_per_second", errors, 0, 1_000_000) ?? 0);
        var rate = 0.0;
        if (root.TryGetProperty("error_rate", out var rateElement) && rateElement.ValueKind != JsonValueKind.Null
            && (rateElement.ValueKind != JsonValueKind.Number || !rateElement.TryGetDouble(out rate) || rate is < 0 or > 1 || double.IsNaN(rate)))
        {
            errors.Add(FailureReason.For("error_rate", "invalid_value", "error_rate must be a number from 0 to 1"));
        }

        var prefix = JsonBody.OptionalString(root, "path_prefix", errors);
        if (prefix is { Length: > 0 } && !prefix.StartsWith('/'))
        {
            errors.Add(FailureReason.For("path_prefix", "invalid_format", "path_prefix must start with /"));
        }

        if (errors.Count > 0)
        {
            throw ApiException.Validation(errors);
        }

        var settings = new FaultSettings(latency, rate, status, throttle, string.IsNullOrEmpty(prefix) ? null : prefix);
        faults.Settings = settings;
        return FaultsResult("Faults set", settings);
    }

    private static JsonHttpResult<SuccessEnvelope<FaultsDto>> FaultsResult(string msg, FaultSettings s) =>
        TypedResults.Json(new SuccessEnvelope<FaultsDto>(msg, new FaultsDto(s.LatencyMs, s.ErrorRate, s.ErrorStatus, s.ThrottlePerSecond, s.PathPrefix)), EmulatorJsonContext.Default.FaultsEnvelope);

    private static string? Choice(JsonElement root, string name, IReadOnlyList<string> allowed, List<FailureReason> errors, bool required)
    {
        var value = (required ? JsonBody.RequiredString(root, name, errors) : JsonBody.OptionalString(root, name, errors))?.ToLowerInvariant();
        if (value is not null && !allowed.Contains(value))
        {
            errors.Add(FailureReason.For(name, "invalid_value", $"{name} must be {ContractVocabulary.OneOf(allowed)}"));
            return null;
        }

        return value;
    }
}
