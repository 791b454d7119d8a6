using System.Text.Json.Nodes;
using OakNetwork.Payments.Emulator.Hosting;
using OakNetwork.Payments.IntegrationTests.TestSupport;

namespace OakNetwork.Payments.IntegrationTests;

/// <summary>List filters, paging and auto-pagination; each test on a merchant of its own, so counts are exact.</summary>
public sealed class CustomerListTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task List_filters_by_email_country_and_document_type()
    {
        using var client = await fixture.NewMerchantClientAsync();
        var br = await CreateAsync(client, "br.cpf@example.com", "br", DocumentType.Cpf);
        var brPassport = await CreateAsync(client, "br.passport@example.com", "BR", DocumentType.Passport);
        var us = await CreateAsync(client, "us.ssn@example.com", "us", DocumentType.Ssn);

        Assert.Equal([br.Id], await IdsAsync(client, new CustomerListQuery { Email = "BR.CPF@example.com" }));
        Assert.Equal(
            new[] { br.Id, us.Id }.Order(),
            (await IdsAsync(client, new CustomerListQuery { Email = "br.cpf@example.com,us.ssn@example.com" })).Order());
        Assert.Equal(new[] { br.Id, brPassport.Id }.Order(), (await IdsAsync(client, new CustomerListQuery { CountryCode = "br" })).Order());
        Assert.Equal([us.Id], await IdsAsync(client, new CustomerListQuery { DocumentType = "ssn" }));
        Assert.Equal([brPassport.Id], await IdsAsync(client, new CustomerListQuery { CountryCode = "br", DocumentType = "passport" }));
        Assert.Empty(await IdsAsync(client, new CustomerListQuery { CountryCode = "us", DocumentType = "cpf" }));
    }

    [Fact]
    public async Task List_pages_with_limit_and_offset_newest_first_and_reports_the_total()
    {
        using var client = await fixture.NewMerchantClientAsync();
        var created = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            created.Add((await CreateAsync(client, $"page{i}@example.com", "br", DocumentType.Cpf)).Id!);
        }

        var newestFirst = Enumerable.Reverse(created).ToList();
        var first = (await client.Customers.ListAsync(new CustomerListQuery { Limit = 3 })).EnsureOk().Data;
        var second = (await client.Customers.ListAsync(new CustomerListQuery { Limit = 3, Offset = 3 })).EnsureOk().Data;
        var last = (await client.Customers.ListAsync(new CustomerListQuery { Limit = 3, Offset = 6 })).EnsureOk().Data;
        var beyond = (await client.Customers.ListAsync(new CustomerListQuery { Limit = 3, Offset = 7 })).EnsureOk().Data;

        Assert.Equal(7, first.Count);
        Assert.Equal(newestFirst[..3], first.CustomerList.Select(c => c.Id!));
        Assert.Equal(newestFirst[3..6], second.CustomerList.Select(c => c.Id!));
        Assert.Equal(newestFirst[6..], last.CustomerList.Select(c => c.Id!));
        Assert.Empty(beyond.CustomerList);
        Assert.Equal(7, beyond.Count);
    }

    [Fact]
    public async Task List_with_a_limit_over_100_is_clamped_unless_strict()
    {
        using var client = await fixture.NewMerchantClientAsync();
        await CreateAsync(client, "one@example.com", "br", DocumentType.Cpf);

        Assert.True((await client.Customers.ListAsync(new CustomerListQuery { Limit = 500 })).Ok);
        var strict = await client.Customers.ListAsync(new CustomerListQuery { Limit = 500, Strict = true });
        Assert.Equal(400, Assert.IsType<ApiError>(strict.Error).Status);
    }

    [Fact]
    public async Task ListAutoPaging_yields_each_of_250_customers_exactly_once()
    {
        using var client = await fixture.NewMerchantClientAsync();
        var created = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 250), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var customer = (await client.Customers.CreateAsync(new CreateCustomerRequest { Email = $"auto{i}@example.com" }, null, ct)).EnsureOk().Data;
            created.Add(customer.Id!);
        });

        var seen = new List<string>();
        await foreach (var customer in client.Customers.ListAutoPagingAsync(new CustomerListQuery { Limit = 40 }))
        {
            seen.Add(customer.Id!);
        }

        Assert.Equal(250, seen.Count);
        Assert.Equal(250, seen.Distinct().Count());
        Assert.Equal(created.Order(), seen.Order());
    }

    [Fact]
    public async Task List_filters_by_provider_target_role_and_registration_status_after_a_decision()
    {
        using var client = await fixture.NewMerchantClientAsync();
        var approved = await CreateAsync(client, "approved@example.com", "br", DocumentType.Cpf);
        var pending = await CreateAsync(client, "pending@example.com", "br", DocumentType.Cpf);
        var bridge = await CreateAsync(client, "bridge@example.com", "us", DocumentType.Ssn);
        var none = await CreateAsync(client, "none@example.com", "us", DocumentType.Ssn);

        var registrations = (await client.Customers.PopulatePlatformAsync(approved.Id!, new PlatformRequest(Provider.Stripe, TargetRole.Customer).Set("tos_accepted", true))).EnsureOk().Data;
        Assert.Contains(registrations, r => r.Provider == Provider.Stripe && r.TargetRole == TargetRole.Customer);
        (await client.Customers.PopulatePlatformAsync(pending.Id!, new PlatformRequest(Provider.Stripe, TargetRole.ConnectedAccount))).EnsureOk();
        (await client.Customers.PopulatePlatformAsync(bridge.Id!, new PlatformRequest(Provider.Bridge))).EnsureOk();

        await fixture.AdminPostAsync(
            $"_emulator/customers/{approved.Id}/registrations",
            new JsonObject { ["provider"] = "stripe", ["target_role"] = "customer", ["status"] = "approved" });

        var decided = (await client.Customers.GetAsync(approved.Id!)).EnsureOk().Data;
        Assert.Equal(CustomerStatus.Approved, decided.Status);
        Assert.Equal(RegistrationStatus.Approved, Assert.Single(decided.Platforms).Status);

        Assert.Equal(new[] { approved.Id, pending.Id }.Order(), (await IdsAsync(client, new CustomerListQuery { Provider = "stripe" })).Order());
        Assert.Equal([pending.Id], await IdsAsync(client, new CustomerListQuery { TargetRole = "connected_account" }));
        Assert.Equal([approved.Id], await IdsAsync(client, new CustomerListQuery { ProviderRegistrationStatus = "approved" }));
        Assert.Equal([approved.Id], await IdsAsync(client, new CustomerListQuery { Provider = "STRIPE", TargetRole = "customer", ProviderRegistrationStatus = "approved" }));
        Assert.Equal(new[] { bridge.Id, approved.Id }.Order(), (await IdsAsync(client, new CustomerListQuery { Provider = "bridge,stripe", TargetRole = "customer" })).Order());
        // One and the same registration must match every registration filter.
        Assert.Empty(await IdsAsync(client, new CustomerListQuery { Provider = "bridge", ProviderRegistrationStatus = "approved" }));
        Assert.DoesNotContain(none.Id, await IdsAsync(client, new CustomerListQuery { Provider = "stripe,bridge" }));
    }

    private static async Task<Customer> CreateAsync(OakClient client, string email, string country, DocumentType documentType)
        => (await client.Customers.CreateAsync(new CreateCustomerRequest { Email = email, CountryCode = country, DocumentType = documentType })).EnsureOk().Data;

    private static async Task<List<string?>> IdsAsync(OakClient client, CustomerListQuery query)
    {
        query.Limit ??= 100;
        var page = (await client.Customers.ListAsync(query)).EnsureOk().Data;
        Assert.Equal(page.CustomerList.Count, page.Count);
        return page.CustomerList.Select(c => c.Id).ToList();
    }
}
