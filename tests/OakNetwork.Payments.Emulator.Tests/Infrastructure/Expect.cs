using System.Text.Json;

namespace OakNetwork.Payments.Emulator.Tests.Infrastructure;

/// <summary>Assertions on the contract's envelopes.</summary>
public static class Expect
{
    private static readonly Dictionary<int, string> Codes = new()
    {
        [400] = "validation_error", [413] = "validation_error", [415] = "validation_error", [422] = "validation_error",
        [401] = "authentication_error", [403] = "authorization_error", [404] = "not_found", [405] = "validation_error",
        [409] = "conflict", [429] = "rate_limited", [500] = "internal_error", [503] = "provider_unavailable",
    };

    /// <summary>The error envelope with all four members, the status's error_code, and X-Request-Id.</summary>
    public static void Error(Reply reply, int status, string? msg = null, params string[] fields)
    {
        Assert.True(reply.Status == status, $"expected {status}, got {reply}");
        Assert.StartsWith("req_", reply.Header("X-Request-Id"));
        Assert.Equal(JsonValueKind.Object, reply.Json.ValueKind);
        Assert.Equal(JsonValueKind.Null, reply.Json.GetProperty("data").ValueKind);
        Assert.Equal(Codes[status], reply.Json.GetProperty("error_code").GetString());
        Assert.False(string.IsNullOrEmpty(reply.Json.GetProperty("msg").GetString()));
        if (msg is not null)
        {
            Assert.Equal(msg, reply.Json.GetProperty("msg").GetString());
        }

        var reasons = reply.Json.GetProperty("failure_reasons");
        Assert.Equal(JsonValueKind.Array, reasons.ValueKind);
        var named = reasons.EnumerateArray().SelectMany(r => r.GetProperty("fields").EnumerateArray().Select(f => f.GetString())).ToList();
        foreach (var field in fields)
        {
            Assert.Contains(field, named);
        }

        foreach (var reason in reasons.EnumerateArray())
        {
            Assert.False(string.IsNullOrEmpty(reason.GetProperty("code").GetString()));
            Assert.False(string.IsNullOrEmpty(reason.GetProperty("message").GetString()));
        }
    }

    /// <summary>Any 4xx with the full error envelope: what hostile input must produce.</summary>
    public static void ClientError(Reply reply)
    {
        Assert.True(reply.Status is >= 400 and < 500, $"expected a 4xx, got {reply}");
        Error(reply, reply.Status);
    }

    public static void Success(Reply reply, int status = 200)
    {
        Assert.True(reply.Status == status, $"expected {status}, got {reply}");
        Assert.StartsWith("req_", reply.Header("X-Request-Id"));
        Assert.False(string.IsNullOrEmpty(reply.Json.GetProperty("msg").GetString()));
        Assert.True(reply.Json.TryGetProperty("data", out _));
    }

    /// <summary>Polls until the condition holds (background jobs), failing after the timeout.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, int timeoutMs = 10_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(40);
        }

        Assert.Fail("Timed out waiting for " + what);
    }
}
