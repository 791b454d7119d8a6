using Microsoft.AspNetCore.Mvc;
using OakNetwork.Payments;

namespace AspNetCoreSample;

/// <summary>Builds the sample app; tests build it too, with their own arguments.</summary>
internal static class SampleApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);

        // One line: options bound from configuration and validated at start-up, an IHttpClientFactory client,
        // OakClient / CustomerService / ICustomerService injectable.
        builder.Services.AddOakPayments(builder.Configuration.GetSection("OakPayments"));

        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, SampleJsonContext.Default));
        builder.Services.AddProblemDetails();

        var app = builder.Build();
        app.MapPost("/customers", CreateAsync);
        app.MapGet("/customers", ListAsync);
        return app;
    }

    private static async Task<IResult> CreateAsync(NewCustomer body, ICustomerService customers, CancellationToken cancellationToken)
    {
        var result = await customers.CreateAsync(
            new CreateCustomerRequest { Email = body.Email, FirstName = body.FirstName, LastName = body.LastName },
            cancellationToken: cancellationToken);
        return result.TryGetValue(out var created)
            ? Results.Created($"/customers/{created.Data.Id}", CustomerSummary.From(created.Data))
            : Problem(result.Error!);
    }

    private static async Task<IResult> ListAsync(
        ICustomerService customers,
        [FromQuery] int? limit,
        [FromQuery] int? offset,
        [FromQuery] string? email,
        CancellationToken cancellationToken)
    {
        var result = await customers.ListAsync(
            new CustomerListQuery { Limit = limit ?? 20, Offset = offset ?? 0, Email = email },
            cancellationToken: cancellationToken);
        return result.TryGetValue(out var page)
            ? Results.Ok(new CustomerPage(page.Data.Count, page.Data.CustomerList.Select(CustomerSummary.From).ToList()))
            : Problem(result.Error!);
    }

    /// <summary>An SDK failure as an RFC 9457 problem: the API's own status for API errors, 400 for bad input, 502 otherwise.</summary>
    private static IResult Problem(OakError error) => error switch
    {
        ApiError api when api.Status < 500 => Results.Problem(api.Message, statusCode: api.Status, title: api.ErrorCode),
        ValidationError invalid => Results.Problem(invalid.Message, statusCode: StatusCodes.Status400BadRequest),
        _ => Results.Problem("The payments service could not be reached.", statusCode: StatusCodes.Status502BadGateway, title: error.GetType().Name),
    };
}
