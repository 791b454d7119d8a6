using OakNetwork.Payments.Emulator.Tests.Infrastructure;

namespace OakNetwork.Payments.Emulator.Tests.Idempotency;

public sealed class IdempotencyTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private static Dictionary<string, string> Key(string key) => new() { ["Idempotency-Key"] = key };

    [Fact]
    public async Task A_repeated_post_with_the_same_key_is_replayed_and_done_once()
    {
        var api = await fixture.NewMerchantAsync();
        var key = Guid.NewGuid().ToString();
        var body = $$"""{"email":"idem{{Guid.NewGuid():N}}@example.com"}""";

        var first = await api.PostAsync("/api/v1/customers", body, Key(key));
        var second = await api.PostAsync("/api/v1/customers", body, Key(key));

        Expect.Success(first);
        Assert.Null(first.Header("Idempotent-Replayed"));
        Assert.Equal(200, second.Status);
        Assert.Equal("true", second.Header("Idempotent-Replayed"));
        Assert.Equal(first.Body, second.Body);
        Assert.NotEqual(first.Header("X-Request-Id"), second.Header("X-Request-Id"));
        Assert.Equal(1, (await api.GetAsync("/api/v1/customers")).Data.GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task Concurrent_posts_with_the_same_key_do_the_work_once_and_get_the_same_answer()
    {
        var api = await fixture.NewMerchantAsync();
        var key = Guid.NewGuid().ToString();
        var body = $$"""{"email":"conc{{Guid.NewGuid():N}}@example.com"}""";

        var replies = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => api.PostAsync("/api/v1/customers", body, Key(key))));

        Assert.All(replies, r => Assert.Equal(200, r.Status));
        Assert.Single(replies.Select(r => r.Body).Distinct());
        Assert.Equal(5, replies.Count(r => r.Header("Idempotent-Replayed") == "true"));
        Assert.Equal(1, (await api.GetAsync("/api/v1/customers")).Data.GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_409_idempotency_mismatch()
    {
        var key = Guid.NewGuid().ToString();
        Expect.Success(await fixture.Dev.PostAsync("/api/v1/customers", $$"""{"email":"m1{{Guid.NewGuid():N}}@example.com"}""", Key(key)));

        var reply = await fixture.Dev.PostAsync("/api/v1/customers", $$"""{"email":"m2{{Guid.NewGuid():N}}@example.com"}""", Key(key));

        Expect.Error(reply, 409);
        Assert.Equal("idempotency_mismatch", reply.Json.GetProperty("failure_reasons")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task The_same_key_on_another_path_is_409()
    {
        var key = Guid.NewGuid().ToString();
        var id = (await fixture.Dev.CreateCustomerAsync()).GetProperty("id").GetString();
        var body = """{"providers":"stripe","fields":["email"]}""";
        Expect.Success(await fixture.Dev.PostAsync($"/api/v1/customers/{id}/sync", body, Key(key)));

        Expect.Error(await fixture.Dev.PostAsync($"/api/v1/customers/{Guid.NewGuid()}/sync", body, Key(key)), 409);
        Assert.Equal("true", (await fixture.Dev.PostAsync($"/api/v1/customers/{id}/sync", body, Key(key))).Header("Idempotent-Replayed"));
    }

    [Fact]
    public async Task Keys_are_scoped_per_merchant()
    {
        var a = await fixture.NewMerchantAsync();
        var b = await fixture.NewMerchantAsync();
        var key = Guid.NewGuid().ToString();

        var first = await a.PostAsync("/api/v1/customers", $$"""{"email":"a{{Guid.NewGuid():N}}@example.com"}""", Key(key));
        var second = await b.PostAsync("/api/v1/customers", $$"""{"email":"b{{Guid.NewGuid():N}}@example.com"}""", Key(key));

        Expect.Success(first);
        Expect.Success(second);
        Assert.Null(second.Header("Idempotent-Replayed"));
    }

    [Fact]
    public async Task An_error_answer_is_not_remembered_so_a_corrected_retry_runs()
    {
        var key = Guid.NewGuid().ToString();
        Expect.Error(await fixture.Dev.PostAsync("/api/v1/customers", """{"email":"broken"}""", Key(key)), 400);

        var retry = await fixture.Dev.PostAsync("/api/v1/customers", $$"""{"email":"fixed{{Guid.NewGuid():N}}@example.com"}""", Key(key));

        Expect.Success(retry);
        Assert.Null(retry.Header("Idempotent-Replayed"));
    }

    [Fact]
    public async Task Upload_replay_stores_the_files_once()
    {
        var id = (await fixture.Dev.CreateCustomerAsync()).GetProperty("id").GetString();
        var key = Guid.NewGuid().ToString();
        var content = SampleFiles.Form(("a.pdf", SampleFiles.Pdf, "application/pdf"));
        await content.LoadIntoBufferAsync();
        var bytes = await content.ReadAsByteArrayAsync();

        async Task<Reply> Send()
        {
            var body = new ByteArrayContent(bytes);
            body.Headers.ContentType = content.Headers.ContentType;
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/customers/{id}/files") { Content = body };
            return await fixture.Dev.SendAsync(request, Key(key));
        }

        var first = await Send();
        var second = await Send();

        Expect.Success(first, 201);
        Assert.Equal(201, second.Status);
        Assert.Equal("true", second.Header("Idempotent-Replayed"));
        Assert.Equal(1, (await fixture.Dev.GetAsync($"/api/v1/customers/{id}/files")).Data.GetArrayLength());
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("")]
    public async Task A_malformed_key_is_400(string key)
    {
        var reply = await fixture.Dev.PostAsync("/api/v1/customers", $$"""{"email":"k{{Guid.NewGuid():N}}@example.com"}""", Key(key));

        Expect.Error(reply, 400, null, "Idempotency-Key");
    }
}
