using OakNetwork.Payments.Emulator.Tests.Infrastructure;

namespace OakNetwork.Payments.Emulator.Tests.Platforms;

public sealed class LifecycleTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private async Task<string> StatusAsync(string id) => (await fixture.Dev.GetCustomerAsync(id)).GetProperty("status").GetString()!;

    private async Task<List<string>> WatchUntilAsync(string id, string final)
    {
        var seen = new List<string>();
        await Expect.EventuallyAsync(async () =>
        {
            var status = await StatusAsync(id);
            if (seen.Count == 0 || seen[^1] != status)
            {
                seen.Add(status);
            }

            return status == final;
        }, "status " + final, 15_000);
        return seen;
    }

    [Fact]
    public async Task A_complete_customer_with_documents_is_reviewed_to_awaiting_confirmation_then_approved()
    {
        var id = (await fixture.Dev.CreateCustomerAsync(ApiClient.CompleteKyc)).GetProperty("id").GetString()!;
        Assert.Equal("NOT_STARTED", await StatusAsync(id));
        using (var upload = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/customers/{id}/files") { Content = SampleFiles.Form("CPF_DOCUMENT", ("cpf.pdf", SampleFiles.Pdf, "application/pdf")) })
        {
            Expect.Success(await fixture.Dev.SendAsync(upload), 201);
        }

        Expect.Success(await fixture.Dev.PostAsync($"/api/v1/customers/{id}/platforms", """{"provider":"stripe"}"""));
        var seen = await WatchUntilAsync(id, "AWAITING_CONFIRMATION");

        Assert.Subset(new HashSet<string> { "INITIATED", "DOCUMENT_PENDING", "DOCUMENT_APPROVED", "IN_REVIEW", "PROCESSING", "AWAITING_CONFIRMATION" }, seen.ToHashSet());
        Assert.Equal("awaiting_confirmation", (await fixture.Dev.GetCustomerAsync(id)).GetProperty("platforms")[0].GetProperty("status").GetString());

        var decided = await fixture.Anonymous.PostAsync($"/_emulator/customers/{id}/registrations", """{"provider":"stripe","target_role":"customer","status":"approved"}""");
        Expect.Success(decided);
        Assert.Equal("APPROVED", decided.Data.GetProperty("status").GetString());
        var customer = await fixture.Dev.GetCustomerAsync(id);
        Assert.Equal("APPROVED", customer.GetProperty("status").GetString());
        Assert.Equal("approved", customer.GetProperty("platforms")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Missing_fields_make_the_customer_incomplete_then_documents_are_required_then_reviewed()
    {
        var id = (await fixture.Dev.CreateCustomerAsync("\"first_name\":\"Ana\"")).GetProperty("id").GetString()!;

        Expect.Success(await fixture.Dev.PostAsync($"/api/v1/customers/{id}/platforms", """{"provider":"pagar_me"}"""));
        await WatchUntilAsync(id, "INCOMPLETE");
        var registration = (await fixture.Dev.GetCustomerAsync(id)).GetProperty("platforms")[0];
        Assert.Equal("not_submitted", registration.GetProperty("status").GetString());
        Assert.Equal("provide_missing_fields", registration.GetProperty("action_required").GetString());
        Assert.Contains("last_name", registration.GetProperty("readiness").GetProperty("missing_fields").EnumerateArray().Select(f => f.GetString()));

        Expect.Success(await fixture.Dev.PutAsync($"/api/v1/customers/{id}", "{" + ApiClient.CompleteKyc + "}"));
        await WatchUntilAsync(id, "DOCUMENT_REQUIRED");
        Assert.Equal("upload_documents", (await fixture.Dev.GetCustomerAsync(id)).GetProperty("platforms")[0].GetProperty("action_required").GetString());

        using (var upload = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/customers/{id}/files") { Content = SampleFiles.Form(("id.png", SampleFiles.Png, "image/png")) })
        {
            Expect.Success(await fixture.Dev.SendAsync(upload), 201);
        }

        await WatchUntilAsync(id, "AWAITING_CONFIRMATION");
        var rejected = await fixture.Anonymous.PostAsync($"/_emulator/customers/{id}/registrations", """{"provider":"pagar_me","status":"rejected","rejection_reason":"Document unreadable"}""");
        Expect.Success(rejected);
        Assert.Equal("REJECTED", rejected.Data.GetProperty("status").GetString());
        Assert.Equal("Document unreadable", rejected.Data.GetProperty("platforms")[0].GetProperty("rejection_reason").GetString());
    }

    [Theory]
    [InlineData("restricted", "PENDING")]
    [InlineData("processing", "PROCESSING")]
    [InlineData("awaiting_confirmation", "AWAITING_CONFIRMATION")]
    public async Task An_admin_decision_moves_the_customer_status(string decision, string status)
    {
        var id = (await fixture.Dev.CreateCustomerAsync()).GetProperty("id").GetString()!;
        Expect.Success(await fixture.Dev.PostAsync($"/api/v1/customers/{id}/platforms", """{"provider":"avenia","target_role":"subaccount"}"""));
        await WatchUntilAsync(id, "INCOMPLETE");

        var reply = await fixture.Anonymous.PostAsync($"/_emulator/customers/{id}/registrations", $$"""{"provider":"avenia","target_role":"subaccount","status":"{{decision}}"}""");

        Expect.Success(reply);
        Assert.Equal(status, reply.Data.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Deciding_a_registration_that_does_not_exist_is_404()
    {
        var id = (await fixture.Dev.CreateCustomerAsync()).GetProperty("id").GetString()!;

        Expect.Error(await fixture.Anonymous.PostAsync($"/_emulator/customers/{id}/registrations", """{"provider":"stripe","status":"approved"}"""), 404, "Registration not found");
        Expect.Error(await fixture.Anonymous.PostAsync($"/_emulator/customers/{id}/registrations", """{"provider":"stripe","status":"maybe"}"""), 400, null, "status");
    }
}
