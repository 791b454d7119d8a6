using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using System.Text.Json;
using OakNetwork.Payments.Emulator.Hosting;
using OakNetwork.Payments.Emulator.Json;
using OakNetwork.Payments.Emulator.Storage;

namespace OakNetwork.Payments.Emulator.Customers;

/// <summary>The customer endpoints (contract §4.1–§4.5). Each is parse → validate → one domain call → envelope.</summary>
internal static class CustomerEndpoints
{
    public static void MapCustomerEndpoints(this RouteGroupBuilder customers)
    {
        customers.MapPost("", CreateAsync).WithName("CreateCustomer").WithSummary("Create a customer")
            .Accepts<JsonElement>("application/json").Produces<SuccessEnvelope<CustomerDto>>().Produces<ErrorEnvelope>(400);
        customers.MapGet("", ListAsync).WithName("ListCustomers").WithSummary("List customers")
            .Produces<SuccessEnvelope<CustomerListDto>>().Produces<ErrorEnvelope>(400);
        customers.MapGet("/{id}", GetAsync).WithName("GetCustomer").WithSummary("Get a customer")
            .Produces<SuccessEnvelope<CustomerDto>>().Produces<ErrorEnvelope>(404);
        customers.MapPut("/{id}", UpdateAsync).WithName("UpdateCustomer").WithSummary("Update a customer (partial)")
            .Accepts<JsonElement>("application/json").Produces<SuccessEnvelope<CustomerDto>>().Produces<ErrorEnvelope>(400).Produces<ErrorEnvelope>(404);
        customers.MapPost("/{id}/sync", SyncAsync).WithName("SyncCustomer").WithSummary("Schedule a sync to a provider")
            .Accepts<JsonElement>("application/json").Produces<SuccessEnvelope<JsonElement?>>().Produces<ErrorEnvelope>(400).Produces<ErrorEnvelope>(404);
    }

    private static async Task<IResult> CreateAsync(HttpContext context, UnitOfWork unitOfWork, CustomerService customers)
    {
        using var body = JsonBody.ParseObject(context.GetBufferedBody());
        var session = await unitOfWork.SessionAsync(context.RequestAborted).ConfigureAwait(false);
        var customer = await customers.CreateAsync(session, context.RequireMerchantId(), body.RootElement, context.RequestAborted).ConfigureAwait(false);
        return Envelope("Customer created successfully", customer);
    }

    private static async Task<IResult> GetAsync(string id, HttpContext context, UnitOfWork unitOfWork)
    {
        var customerId = CustomerIds.Parse(id);
        var session = await unitOfWork.SessionAsync(context.RequestAborted).ConfigureAwait(false);
        var customer = await CustomerService.GetAsync(session, context.RequireMerchantId(), customerId, context.RequestAborted).ConfigureAwait(false);
        return Envelope("Customer fetched successfully", customer);
    }

    private static async Task<IResult> ListAsync(HttpContext context, UnitOfWork unitOfWork)
    {
        var list = CustomerListQueryParser.Parse(context.RequireMerchantId(), context.Request.Query);
        var session = await unitOfWork.SessionAsync(context.RequestAborted).ConfigureAwait(false);
        var page = await CustomerService.ListAsync(session, list.Query, context.RequestAborted).ConfigureAwait(false);
        var headers = context.Response.Headers;
        headers["X-Limit-Requested"] = list.LimitRequested;
        headers["X-Limit-Applied"] = list.Query.Limit.ToString(CultureInfo.InvariantCulture);
        headers["X-Offset-Requested"] = list.OffsetRequested;
        headers["X-Offset-Applied"] = list.Query.Offset.ToString(CultureInfo.InvariantCulture);
        var data = new CustomerListDto(page.Count, page.Items.Select(CustomerMapper.ToDto).ToList());
        return TypedResults.Json(new SuccessEnvelope<CustomerListDto>("Customers fetched successfully", data), EmulatorJsonContext.Default.CustomerListEnvelope);
    }

    private static async Task<IResult> UpdateAsync(string id, HttpContext context, UnitOfWork unitOfWork, CustomerService customers)
    {
        var customerId = CustomerIds.Parse(id);
        using var body = JsonBody.ParseObject(context.GetBufferedBody());
        var session = await unitOfWork.SessionAsync(context.RequestAborted).ConfigureAwait(false);
        var customer = await customers.UpdateAsync(session, context.RequireMerchantId(), customerId, body.RootElement, context.RequestAborted).ConfigureAwait(false);
        return Envelope("Customer updated successfully", customer);
    }

    private static async Task<IResult> SyncAsync(string id, HttpContext context, UnitOfWork unitOfWork, CustomerSyncService sync)
    {
        var customerId = CustomerIds.Parse(id);
        using var body = JsonBody.ParseObject(context.GetBufferedBody());
        var request = CustomerSyncService.ParseRequest(body.RootElement);
        var session = await unitOfWork.SessionAsync(context.RequestAborted).ConfigureAwait(false);
        await sync.ScheduleAsync(session, context.RequireMerchantId(), customerId, request, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Json(new SuccessEnvelope<JsonElement?>("Sync scheduled", null), EmulatorJsonContext.Default.EmptyEnvelope);
    }

    private static JsonHttpResult<SuccessEnvelope<CustomerDto>> Envelope(string msg, CustomerRecord customer) =>
        TypedResults.Json(new SuccessEnvelope<CustomerDto>(msg, CustomerMapper.ToDto(customer)), EmulatorJsonContext.Default.CustomerEnvelope);
}
