using System.Text.Json;
using OakNetwork.Payments.Emulator.Tests.Infrastructure;

namespace OakNetwork.Payments.Emulator.Tests.Postgres;

/// <summary>Two emulator instances on one PostgreSQL database serve one consistent dataset.</summary>
public sealed class MultiInstanceTests(TwoInstancesFixture fixture) : IClassFixture<TwoInstancesFixture>
{
    private static Dictionary<string, string> Key(string key) => new() { ["Idempotency-Key"] = key };

    [PostgresFact]
    public async Task The_schema_was_migrated_once_although_both_instances_started_at_once()
    {
        Assert.Equal(1L, await fixture.QueryAsync<long>("SELECT COUNT(*) FROM schema_version;"));
        Assert.Contains("PostgreSQL", fixture.A.StoreDescription, StringComparison.Ordinal);
        Assert.Null(fixture.A.DataPath);
    }

    [PostgresFact]
    public async Task A_customer_created_through_one_instance_is_read_listed_and_updated_through_the_other_with_its_token()
    {
        var (a, b) = fixture.Both(await fixture.NewMerchantTokenAsync());
        var email = $"shared{Guid.NewGuid():N}@example.com";

        var id = (await a.CreateCustomerAsync("\"first_name\":\"Ana\",\"country_code\":\"BR\"", email)).GetProperty("id").GetString()!;

        Assert.Equal("Ana", (await b.GetCustomerAsync(id)).GetProperty("first_name").GetString());
        var list = await b.GetAsync("/api/v1/customers?country_code=BR");
        Expect.Success(list);
        Assert.Equal(1, list.Data.GetProperty("count").GetInt64());
        Assert.Equal(id, list.Data.GetProperty("customer_list")[0].GetProperty("id").GetString());

        var updated = await b.PutAsync($"/api/v1/customers/{id}", """{"first_name":"Bia"}""");
        Expect.Success(updated);
        var seenByA = await a.GetCustomerAsync(id);
        Assert.Equal(("Bia", 2L), (seenByA.GetProperty("first_name").GetString(), seenByA.GetProperty("version").GetInt64()));
    }

    [PostgresFact]
    public async Task A_token_granted_by_one_instance_is_accepted_by_the_other_and_a_forged_one_by_neither()
    {
        var (a, b) = fixture.Both(await fixture.NewMerchantTokenAsync());
        Expect.Success(await b.GetAsync("/api/v1/customers"));

        var forged = a.Token![..^4] + (a.Token![^4..] == "AAAA" ? "BBBB" : "AAAA");
        Expect.Error(await fixture.AnonymousA.GetAsync("/api/v1/customers", forged), 401);
        Expect.Error(await fixture.AnonymousB.GetAsync("/api/v1/customers", forged), 401);
    }

    [PostgresFact]
    public async Task The_same_idempotency_key_sent_to_both_instances_at_once_does_the_work_once()
    {
        var (a, b) = fixture.Both(await fixture.NewMerchantTokenAsync());
        for (var round = 0; round < 5; round++)
        {
            var key = Guid.NewGuid().ToString();
            var body = $$"""{"email":"idem{{Guid.NewGuid():N}}@example.com"}""";

            var replies = await Task.WhenAll(
                Task.Run(() => a.PostAsync("/api/v1/customers", body, Key(key))),
                Task.Run(() => b.PostAsync("/api/v1/customers", body, Key(key))),
                Task.Run(() => b.PostAsync("/api/v1/customers", body, Key(key))));

            Assert.All(replies, r => Assert.True(r.Status == 200, r.ToString()));
            Assert.Single(replies.Select(r => r.Body).Distinct());
            Assert.Equal(2, replies.Count(r => r.Header("Idempotent-Replayed") == "true"));
        }

        Assert.Equal(5, (await a.GetAsync("/api/v1/customers")).Data.GetProperty("count").GetInt64());
    }

    [PostgresFact]
    public async Task Concurrent_creates_with_one_email_on_both_instances_let_exactly_one_succeed()
    {
        var (a, b) = fixture.Both(await fixture.NewMerchantTokenAsync());
        var email = $"race{Guid.NewGuid():N}@example.com";

        var replies = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            (i % 2 == 0 ? a : b).PostAsync("/api/v1/customers", JsonSerializer.Serialize(new { email = i % 3 == 0 ? email.ToUpperInvariant() : email })))));

        Assert.Single(replies, r => r.Status == 200);
        Assert.All(replies.Where(r => r.Status != 200), r => Expect.Error(r, 400, "Customer already exists", "email"));
        Assert.Equal(1, (await b.GetAsync("/api/v1/customers")).Data.GetProperty("count").GetInt64());
    }

    [PostgresFact]
    public async Task Sync_jobs_queued_through_both_instances_run_exactly_once()
    {
        // Every finished sync writes synced_at once; a trigger counts those writes and which instance made them.
        await fixture.ExecuteAsync("""
            CREATE TABLE IF NOT EXISTS sync_effects (customer_id uuid NOT NULL, instance text NOT NULL);
            CREATE OR REPLACE FUNCTION record_sync_effect() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO sync_effects VALUES (NEW.id, current_setting('application_name'));
                RETURN NEW;
            END $$;
            DROP TRIGGER IF EXISTS sync_effect ON customers;
            CREATE TRIGGER sync_effect AFTER UPDATE OF synced_at ON customers FOR EACH ROW EXECUTE FUNCTION record_sync_effect();
            DELETE FROM sync_effects;
            """);
        var (a, b) = fixture.Both(await fixture.NewMerchantTokenAsync());
        var ids = await Task.WhenAll(Enumerable.Range(0, 24).Select(async i =>
            (await (i % 2 == 0 ? a : b).CreateCustomerAsync()).GetProperty("id").GetString()!));

        await Task.WhenAll(ids.Select((id, i) => Task.Run(async () =>
            Expect.Success(await (i % 2 == 0 ? b : a).PostAsync($"/api/v1/customers/{id}/sync", """{"providers":"stripe","fields":["email"]}""")))));

        await Expect.EventuallyAsync(async () => await fixture.QueryAsync<long>("SELECT COUNT(*) FROM jobs;") == 0, "the queued syncs to run", 20_000);
        foreach (var id in ids)
        {
            Assert.True((await a.GetCustomerAsync(id)).GetProperty("synced").GetBoolean());
        }

        await Task.Delay(200);
        Assert.Equal((long)ids.Length, await fixture.QueryAsync<long>("SELECT COUNT(*) FROM sync_effects;"));
        Assert.Equal((long)ids.Length, await fixture.QueryAsync<long>("SELECT COUNT(DISTINCT customer_id) FROM sync_effects;"));
    }

    [PostgresFact]
    public async Task A_file_uploaded_through_one_instance_downloads_through_the_other()
    {
        var (a, b) = fixture.Both(await fixture.NewMerchantTokenAsync());
        var id = (await a.CreateCustomerAsync()).GetProperty("id").GetString()!;
        using var upload = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/customers/{id}/files") { Content = SampleFiles.Form(("a.pdf", SampleFiles.Pdf, "application/pdf")) };
        var uploaded = await a.SendAsync(upload);
        Expect.Success(uploaded, 201);

        var listed = await b.GetAsync($"/api/v1/customers/{id}/files");
        var link = listed.Data[0].GetProperty("url").GetString()!;
        var download = await b.GetAsync(new Uri(link).PathAndQuery);

        Assert.Equal(200, download.Status);
        Assert.Equal(SampleFiles.Pdf, download.Bytes);
    }
}
