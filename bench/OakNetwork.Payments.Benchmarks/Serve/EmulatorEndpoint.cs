using System.Text.Json;

namespace OakNetwork.Payments.Benchmarks.Serve;

/// <summary>Where an emulator (and its ceiling endpoint) listens, and what it was seeded with.</summary>
internal sealed record EmulatorEndpoint(
    Uri BaseUrl,
    Uri? CeilingUrl,
    string ClientId,
    string ClientSecret,
    int Seeded,
    double SeedSeconds,
    int CeilingBytes,
    string Store)
{
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("base_url", BaseUrl.ToString());
            writer.WriteString("ceiling_url", CeilingUrl?.ToString());
            writer.WriteString("client_id", ClientId);
            writer.WriteString("client_secret", ClientSecret);
            writer.WriteNumber("seeded", Seeded);
            writer.WriteNumber("seed_seconds", Math.Round(SeedSeconds, 2));
            writer.WriteNumber("ceiling_bytes", CeilingBytes);
            writer.WriteString("store", Store);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static EmulatorEndpoint FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var ceiling = root.GetProperty("ceiling_url").GetString();
        return new EmulatorEndpoint(
            new Uri(root.GetProperty("base_url").GetString()!),
            ceiling is null ? null : new Uri(ceiling),
            root.GetProperty("client_id").GetString()!,
            root.GetProperty("client_secret").GetString()!,
            root.GetProperty("seeded").GetInt32(),
            root.GetProperty("seed_seconds").GetDouble(),
            root.GetProperty("ceiling_bytes").GetInt32(),
            root.GetProperty("store").GetString()!);
    }
}
