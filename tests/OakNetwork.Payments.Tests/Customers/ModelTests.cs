using System.Text.Json;

namespace OakNetwork.Payments.Tests.Customers;

/// <summary>Extensible values, the partial update body and results.</summary>
public class ModelTests
{
    [Fact]
    public void Extensible_values_convert_from_strings_and_compare_ignoring_case()
    {
        Provider provider = "STRIPE";
        CustomerStatus status = "approved";

        Assert.Equal(Provider.Stripe, provider);
        Assert.True(status == CustomerStatus.Approved);
        Assert.Equal(Provider.Stripe.GetHashCode(), provider.GetHashCode());
        Assert.Equal("pagar_me", Provider.PagarMe.ToString());
        Assert.Equal(string.Empty, default(TargetRole).Value);
        Assert.Equal("something_new", new DocumentType("something_new").Value);
    }

    [Fact]
    public void Customer_status_has_the_twelve_contract_values()
    {
        var values = typeof(CustomerStatus).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Select(p => ((CustomerStatus)p.GetValue(null)!).Value)
            .ToHashSet();

        Assert.Equal(
            new HashSet<string>
            {
                "NOT_STARTED", "INITIATED", "INCOMPLETE", "DOCUMENT_REQUIRED", "DOCUMENT_PENDING", "DOCUMENT_APPROVED",
                "IN_REVIEW", "PROCESSING", "PENDING", "AWAITING_CONFIRMATION", "APPROVED", "REJECTED",
            },
            values);
    }

    [Fact]
    public void Update_request_sends_nothing_when_nothing_is_set()
    {
        Assert.Equal("{}", JsonSerializer.Serialize(new UpdateCustomerRequest(), OakJsonContext.Default.UpdateCustomerRequest));
    }

    [Fact]
    public void Update_request_distinguishes_absent_from_null_for_every_kind_of_field()
    {
        var request = new UpdateCustomerRequest
        {
            LastName = null,
            DocumentType = DocumentType.Cpf,
            OwnerDocumentType = null,
            MonthlyNetIncome = null,
            AdditionalInfo = JsonDocument.Parse("""{"a":[1,2]}""").RootElement,
            City = "Recife",
        };

        var json = JsonSerializer.Serialize(request, OakJsonContext.Default.UpdateCustomerRequest);

        Assert.Equal(
            """{"last_name":null,"document_type":"cpf","city":"Recife","monthly_net_income":null,"owner_document_type":null,"additional_info":{"a":[1,2]}}""",
            json);
        Assert.Equal(["last_name", "document_type", "city", "monthly_net_income", "owner_document_type", "additional_info"], request.SetFields);
        Assert.Null(request.FirstName);
        Assert.Equal(DocumentType.Cpf, request.DocumentType);
    }

    [Fact]
    public void Unset_removes_a_field_from_the_update()
    {
        var request = new UpdateCustomerRequest { FirstName = "A", LastName = "B" };

        Assert.True(request.Unset("first_name"));

        Assert.Equal("""{"last_name":"B"}""", JsonSerializer.Serialize(request, OakJsonContext.Default.UpdateCustomerRequest));
    }

    [Fact]
    public void Update_request_round_trips_through_json()
    {
        var parsed = JsonSerializer.Deserialize("""{"first_name":null,"monthly_net_income":10,"document_type":"ssn"}""", OakJsonContext.Default.UpdateCustomerRequest)!;

        Assert.Equal(["first_name", "document_type", "monthly_net_income"], parsed.SetFields);
        Assert.Equal(10, parsed.MonthlyNetIncome);
    }

    [Fact]
    public void Result_exposes_value_or_error_and_EnsureOk_throws_with_the_error()
    {
        var ok = OakResult.Success(42);
        var failed = OakResult.Failure<int>(new ValidationError("bad", "x"));

        Assert.True(ok.TryGetValue(out var value));
        Assert.Equal(42, value);
        Assert.Equal(42, ok.EnsureOk());
        Assert.False(failed.Ok);
        Assert.False(failed.TryGetValue(out _));
        Assert.Throws<InvalidOperationException>(() => failed.Value);
        var ex = Assert.Throws<OakException>(() => failed.EnsureOk());
        Assert.Same(failed.Error, ex.Error);
    }

    [Fact]
    public async Task Service_methods_can_be_faked_by_overriding()
    {
        CustomerService fake = new FakeCustomers();

        var result = await fake.GetAsync("any");

        Assert.Equal("fake", result.Value.Data.Id);
    }

    private sealed class FakeCustomers : CustomerService
    {
        public override Task<OakResult<ApiResponse<Customer>>> GetAsync(string id, RequestOptions? options = null, CancellationToken cancellationToken = default)
            => Task.FromResult(OakResult.Success(new ApiResponse<Customer> { Msg = "ok", Data = new Customer { Id = "fake" } }));
    }
}
