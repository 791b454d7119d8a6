using System.Text.Json;
using OakNetwork.Payments.Emulator.Hosting;
using OakNetwork.Payments.IntegrationTests.TestSupport;

namespace OakNetwork.Payments.IntegrationTests;

/// <summary>Create, get, update: the SDK against the in-process emulator over real HTTP.</summary>
public sealed class CustomerLifecycleTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private static string NewEmail() => $"it.{Guid.NewGuid():N}@example.com";

    [Fact]
    public async Task CreateClient_talks_to_the_emulator_as_its_development_merchant()
    {
        using var client = fixture.Emulator.CreateClient();
        Assert.Equal(fixture.Emulator.BaseUrl, client.BaseUrl);
        var created = (await client.Customers.CreateAsync(new CreateCustomerRequest { Email = NewEmail() })).EnsureOk();
        Assert.Equal("Customer created successfully", created.Msg);
    }

    [Fact]
    public async Task Create_with_email_only_returns_a_fresh_customer()
    {
        using var client = fixture.Emulator.CreateClient();
        var email = NewEmail();
        var customer = (await client.Customers.CreateAsync(new CreateCustomerRequest { Email = email })).EnsureOk().Data;

        Assert.True(Guid.TryParse(customer.Id, out _));
        Assert.Equal(customer.Id, customer.CustomerId);
        Assert.Equal(email, customer.Email);
        Assert.Null(customer.FirstName);
        Assert.Equal(CustomerStatus.NotStarted, customer.Status);
        Assert.False(customer.Synced);
        Assert.Equal(1, customer.Version);
        Assert.Empty(customer.Platforms);
        Assert.NotNull(customer.CreatedAt);
    }

    [Fact]
    public async Task Create_with_all_fields_round_trips_every_field_through_get()
    {
        using var client = fixture.Emulator.CreateClient();
        var request = new CreateCustomerRequest
        {
            Email = NewEmail(),
            FirstName = "Ana",
            LastName = "Souza",
            SocialName = "Aninha",
            DocumentNumber = "52998224725",
            DocumentType = DocumentType.Cpf,
            TaxId = "529.982.247-25",
            Dob = "1991-04-02",
            Gender = "female",
            PhoneCountryCode = "+55",
            PhoneAreaCode = "11",
            PhoneNumber = "912345678",
            CountryCode = "BR",
            Subdivision = "SP",
            State = "São Paulo",
            City = "São Paulo",
            Neighborhood = "Pinheiros",
            StreetName = "Rua dos Pinheiros",
            StreetNumber = "100",
            HouseNumber = "12B",
            PostalCode = "05422-000",
            MotherName = "Maria Souza",
            MonthlyNetIncome = 750000,
            CompanyName = "Souza Ltda",
            CompanyStartDate = "2015-06-01",
            OwnerLegalName = "Ana Souza",
            OwnerDocumentNumber = "11222333000181",
            OwnerDocumentType = DocumentType.Cnpj,
            AdditionalInfo = JsonDocument.Parse("""{"source":"integration","tier":2}""").RootElement,
        };

        var created = (await client.Customers.CreateAsync(request)).EnsureOk().Data;
        var fetched = (await client.Customers.GetAsync(created.Id!)).EnsureOk().Data;

        foreach (var customer in new[] { created, fetched })
        {
            Assert.Equal(request.Email, customer.Email);
            Assert.Equal("Ana", customer.FirstName);
            Assert.Equal("Souza", customer.LastName);
            Assert.Equal("Aninha", customer.SocialName);
            Assert.Equal("52998224725", customer.DocumentNumber);
            Assert.Equal(DocumentType.Cpf, customer.DocumentType);
            Assert.Equal("529.982.247-25", customer.TaxId);
            Assert.Equal("1991-04-02", customer.Dob);
            Assert.Equal("female", customer.Gender);
            Assert.Equal("+55", customer.PhoneCountryCode);
            Assert.Equal("11", customer.PhoneAreaCode);
            Assert.Equal("912345678", customer.PhoneNumber);
            Assert.Equal("br", customer.CountryCode);
            Assert.Equal("SP", customer.Subdivision);
            Assert.Equal("São Paulo", customer.State);
            Assert.Equal("São Paulo", customer.City);
            Assert.Equal("Pinheiros", customer.Neighborhood);
            Assert.Equal("Rua dos Pinheiros", customer.StreetName);
            Assert.Equal("100", customer.StreetNumber);
            Assert.Equal("12B", customer.HouseNumber);
            Assert.Equal("05422-000", customer.PostalCode);
            Assert.Equal("Maria Souza", customer.MotherName);
            Assert.Equal(750000, customer.MonthlyNetIncome);
            Assert.Equal("Souza Ltda", customer.CompanyName);
            Assert.Equal("2015-06-01", customer.CompanyStartDate);
            Assert.Equal("Ana Souza", customer.OwnerLegalName);
            Assert.Equal("11222333000181", customer.OwnerDocumentNumber);
            Assert.Equal(DocumentType.Cnpj, customer.OwnerDocumentType);
            Assert.Equal("integration", customer.AdditionalInfo!.Value.GetProperty("source").GetString());
            Assert.Equal(2, customer.AdditionalInfo!.Value.GetProperty("tier").GetInt32());
        }
    }

    [Fact]
    public async Task Get_of_an_unknown_id_is_not_ok_with_status_404()
    {
        using var client = fixture.Emulator.CreateClient();
        var result = await client.Customers.GetAsync(Guid.NewGuid().ToString());

        Assert.False(result.Ok);
        var error = Assert.IsType<ApiError>(result.Error);
        Assert.Equal(404, error.Status);
        Assert.Equal("not_found", error.ErrorCode);
        Assert.NotNull(error.RequestId);
        Assert.Throws<OakException>(() => result.EnsureOk());
    }

    [Fact]
    public async Task Update_changes_the_email_and_bumps_the_version()
    {
        using var client = fixture.Emulator.CreateClient();
        var customer = (await client.Customers.CreateAsync(new CreateCustomerRequest { Email = NewEmail(), FirstName = "Rui" })).EnsureOk().Data;
        var newEmail = NewEmail();

        var updated = (await client.Customers.UpdateAsync(customer.Id!, new UpdateCustomerRequest { Email = newEmail })).EnsureOk().Data;

        Assert.Equal(newEmail, updated.Email);
        Assert.Equal("Rui", updated.FirstName);
        Assert.Equal(customer.Version + 1, updated.Version);
        Assert.Equal(newEmail, (await client.Customers.GetAsync(customer.Id!)).EnsureOk().Data.Email);
    }

    [Fact]
    public async Task Update_with_a_null_field_clears_it_and_leaves_the_others()
    {
        using var client = fixture.Emulator.CreateClient();
        var customer = (await client.Customers.CreateAsync(new CreateCustomerRequest { Email = NewEmail(), FirstName = "Rui", PhoneNumber = "912345678" })).EnsureOk().Data;

        var updated = (await client.Customers.UpdateAsync(customer.Id!, new UpdateCustomerRequest { PhoneNumber = null })).EnsureOk().Data;

        Assert.Null(updated.PhoneNumber);
        Assert.Equal("Rui", updated.FirstName);
        Assert.Null((await client.Customers.GetAsync(customer.Id!)).EnsureOk().Data.PhoneNumber);
    }

    [Fact]
    public async Task Create_with_a_taken_email_is_a_400_naming_the_email_field()
    {
        using var client = fixture.Emulator.CreateClient();
        var email = NewEmail();
        (await client.Customers.CreateAsync(new CreateCustomerRequest { Email = email })).EnsureOk();

        var again = await client.Customers.CreateAsync(new CreateCustomerRequest { Email = email.ToUpperInvariant() });

        var error = Assert.IsType<ApiError>(again.Error);
        Assert.Equal(400, error.Status);
        Assert.Equal("Customer already exists", error.Message);
        Assert.Contains(error.FailureReasons, r => r.Fields.Contains("email"));
    }

    [Fact]
    public async Task The_same_idempotency_key_creates_one_customer()
    {
        using var client = await fixture.NewMerchantClientAsync();
        var options = new RequestOptions { IdempotencyKey = "it-" + Guid.NewGuid().ToString("N") };
        var request = new CreateCustomerRequest { Email = NewEmail() };

        var first = (await client.Customers.CreateAsync(request, options)).EnsureOk().Data;
        var second = (await client.Customers.CreateAsync(request, options)).EnsureOk().Data;

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(1, (await client.Customers.ListAsync(new CustomerListQuery { Limit = 1 })).EnsureOk().Data.Count);
    }
}
