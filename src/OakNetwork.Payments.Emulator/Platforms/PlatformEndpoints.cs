using System.Text.Json;
using OakNetwork.Payments.Emulator.Customers;
using OakNetwork.Payments.Emulator.Hosting;
using OakNetwork.Payments.Emulator.Json;
using OakNetwork.Payments.Emulator.Storage;

namespace OakNetwork.Payments.Emulator.Platforms;

/// <summary>The populate-platform endpoint (contract §4.9).</summary>
internal static class PlatformEndpoints
{
    public static void MapPlatformEndpoints(this RouteGroupBuilder customers)
    {
        customers.MapPost("/{id}/platforms", PopulateAsync).WithName("PopulatePlatform").WithSummary("Create or update a provider registration (KYC data)")
            .Accepts<JsonElement>("application/json").Produces<SuccessEnvelope<IReadOnlyList<RegistrationDto>>>().Produces<ErrorEnvelope>(400).Produces<ErrorEnvelope>(404);
    }

    private static async Task<IResult> PopulateAsync(string id, HttpContext context, UnitOfWork unitOfWork, PlatformService platforms)
    {
        var customerId = CustomerIds.Parse(id);
        using var body = JsonBody.ParseObject(context.GetBufferedBody());
        var request = PlatformService.ParseRequest(body.RootElement);
        var session = await unitOfWork.SessionAsync(context.RequestAborted).ConfigureAwait(false);
        var registrations = await platforms.PopulateAsync(session, context.RequireMerchantId(), customerId, request, context.RequestAborted).ConfigureAwait(false);
        IReadOnlyList<RegistrationDto> data = registrations.Select(CustomerMapper.ToDto).ToList();
        return TypedResults.Json(new SuccessEnvelope<IReadOnlyList<RegistrationDto>>("Platform data saved successfully", data), EmulatorJsonContext.Default.RegistrationsEnvelope);
    }
}
