using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace OakNetwork.Payments.Reliability.Tests.HostileInput;

/// <summary>
/// Generators of hostile requests for every endpoint: wrong types, huge and deeply nested JSON, invalid UTF-8,
/// control characters, numbers out of range, duplicate keys, hostile path ids and query strings; mixed with valid
/// values so that some requests get past the first check and reach the deeper ones (and some succeed).
/// </summary>
public sealed class HostileGenerators(HostileInputFixture fixture)
{
    public static readonly string[] CustomerFields =
    [
        "email", "first_name", "last_name", "social_name", "document_number", "document_type", "tax_id", "dob", "gender",
        "phone_country_code", "phone_area_code", "phone_number", "country_code", "subdivision", "state", "city",
        "neighborhood", "street_name", "street_number", "house_number", "postal_code", "mother_name", "monthly_net_income",
        "company_name", "company_start_date", "owner_legal_name", "owner_document_number", "owner_document_type",
        "customer_wallet", "trading_wallet", "account_type", "additional_info", "id", "version", "status", "synced",
    ];

    private static readonly string[] Specials =
    [
        "", " ", "null", "true", "0", "-1", "1e309", "NaN", "Infinity", "\u0000", "\u0001\u001f\u007f", "\ud800", "\udfff\ud800", "\uffff", "\ufeff",
        "💥", "Ω≈ç√", "Robert'); DROP TABLE customers;--", "<script>alert(1)</script>", "../../etc/passwd", "%00", "%FF", "a@b",
        "user@example.com", "USER@EXAMPLE.COM", "stripe", "STRIPE", "cpf", "Passport", "female", "1990-02-30", "1990-01-01",
        "9999-12-31", "0000-00-00", "2999-01-01", "+55", "55", "br", "BR", "zz", "customer", "connected_account", "shipping",
        "email,email", "stripe,bridge", "cus_", "pm_x", "\r\n", "\t", "\\", "\"", "{", "[", "}", "]", "\u2028\u2029", "\u202e",
    ];

    private static readonly string[] Numbers =
    [
        "0", "-0", "1", "-1", "1.5", "-1.5", "1e400", "-1e400", "1e-400", "123456789012345678901234567890", "9223372036854775807",
        "9223372036854775808", "-9223372036854775809", "2147483648", "1E+2", "0.0000001", "100", "101", "255", "256",
        "01", "1.", ".5", "+1", "NaN", "Infinity", "-Infinity", "0x10", "1_000",
    ];

    public Gen<string> Text { get; } = Gen.OneOf(
        Gen.Elements(Specials),
        Gen.Choose(0, 400).Select(n => new string('a', n)),
        Gen.Choose(250, 260).Select(n => new string('é', n)),
        Gen.Choose(0, 40).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 0xFFFF).Select(c => (char)c), n)).Select(chars => new string(chars)),
        Gen.Choose(0, 31).Select(c => $"ctl{(char)c}ctl"),
        Gen.Choose(0, 1_000_000).Select(n => $"gen{n}@example.com"));

    public Gen<string> JsonScalar => Gen.OneOf(
        Text.Select(s => Json(s)),
        Gen.Elements(Numbers),
        Gen.Elements("true", "false", "null"));

    public Gen<string> JsonValue(int depth) => depth <= 0
        ? JsonScalar
        : Gen.Frequency(
            (6, JsonScalar),
            (1, Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(JsonValue(depth - 1), n)).Select(items => "[" + string.Join(",", items) + "]")),
            (1, Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(Member(Gen.Elements("a", "b", "a", "email", ""), depth - 1), n)).Select(members => "{" + string.Join(",", members) + "}")));

    public Gen<string> Member(Gen<string> names, int depth) =>
        from name in names
        from value in JsonValue(depth)
        select Json(name) + ":" + value;

    /// <summary>A JSON object whose members (names may repeat: duplicate keys) are drawn from the endpoint's fields.</summary>
    public Gen<string> HostileObject(string[] fields) =>
        Gen.Choose(0, 7).SelectMany(n => Gen.ArrayOf(Member(Gen.Frequency((8, Gen.Elements(fields)), (1, Gen.Elements("unknown", "__proto__", "constructor", "", "EMAIL", "e\u0000mail"))), 2), n))
            .Select(members => "{" + string.Join(",", members) + "}");

    /// <summary>A valid body with one member replaced by a hostile value, or one added twice.</summary>
    public Gen<string> MutatedValid(Gen<Dictionary<string, string>> valid, string[] fields) =>
        from members in valid
        from field in Gen.Elements(fields)
        from value in JsonValue(1)
        from duplicate in Gen.Elements(true, false)
        select "{" + string.Join(",", members.Where(m => duplicate || m.Key != field).Select(m => Json(m.Key) + ":" + m.Value)
            .Append(Json(field) + ":" + value)) + "}";

    public Gen<byte[]> Body(string[] fields, Gen<Dictionary<string, string>> valid) => Gen.Frequency(
        (10, HostileObject(fields).Select(Utf8)),
        (6, MutatedValid(valid, fields).Select(Utf8)),
        (3, valid.Select(members => Utf8("{" + string.Join(",", members.Select(m => Json(m.Key) + ":" + m.Value)) + "}"))),
        (1, Gen.Choose(65, 3000).SelectMany(depth => Gen.Elements(
            new string('[', depth) + new string(']', depth),
            string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth),
            "{\"additional_info\":" + string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth + 1))).Select(Utf8)),
        (1, Gen.Elements(900 * 1024, (1024 * 1024) + 10).Select(size => Utf8("{\"email\":\"big@example.com\",\"first_name\":\"" + new string('x', size) + "\"}"))),
        (1, Gen.Choose(1000, 20_000).Select(n => Utf8("{" + string.Join(",", Enumerable.Range(0, n).Select(i => $"\"k{i}\":{i}")) + ",\"email\":\"many@example.com\"}"))),
        (2, InvalidUtf8(fields)),
        (1, HostileObject(fields).SelectMany(json => Gen.Choose(0, Math.Max(0, json.Length - 1)).Select(cut => Utf8(json[..cut])))),
        (1, Gen.Elements("", " ", "null", "[]", "[{}]", "\"text\"", "42", "true", "<xml/>", "a=b&c=d", "{'email':'x'}", "{\"email\":\"x\",}", "{\"email\" \"x\"}", "\u0000").Select(Utf8)),
        (1, HostileObject(fields).Select(json => new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Utf8(json)).ToArray())));

    private static Gen<byte[]> InvalidUtf8(string[] fields) =>
        from field in Gen.Elements(fields)
        from bad in Gen.Elements(new byte[] { 0xFF }, [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE2, 0x82], [0x80])
        select Utf8("{\"" + field + "\":\"a").Concat(bad).Concat(Utf8("b\",\"email\":\"u@example.com\"}")).ToArray();

    public static Gen<string?> JsonContentType => Gen.Frequency(
        (12, Gen.Constant<string?>("application/json")),
        (1, Gen.Constant<string?>("application/json; charset=utf-8")),
        (1, Gen.Constant<string?>("text/plain")),
        (1, Gen.Constant<string?>(null)),
        (1, Gen.Constant<string?>("application/json; charset=utf-16")),
        (1, Gen.Constant<string?>("application/x-www-form-urlencoded")));

    public static Gen<string?> IdempotencyKey => Gen.Frequency(
        (6, Gen.Constant<string?>(null)),
        (1, Gen.Choose(0, 50).Select(n => (string?)("key-" + n))),
        (1, Gen.Elements<string?>("", " ", new string('k', 300), "a b", "\"quoted\"", "k;k,k")));

    /// <summary>A path id: real ones (so the request reaches validation), prefixed, foreign, malformed, hostile.</summary>
    public Gen<string> PathId => Gen.Frequency(
        (8, Gen.Elements(fixture.CustomerIds.ToArray())),
        (1, Gen.Elements(fixture.CustomerIds.ToArray()).Select(id => "cus_" + id)),
        (1, Gen.Elements(fixture.CustomerIds.ToArray()).Select(id => id.ToUpperInvariant())),
        (1, Gen.Elements(fixture.ForeignCustomerId)),
        (1, Gen.Elements("pm_", "pay_", "cus_", "acct_").Select(p => p + Guid.Empty)),
        (1, Gen.Elements("%FF%FE", "%C3%28", "%E2%82", "%2e%2e", "%2F", "..", ".", "123", "-1", "9999999999999999999", "null", "%20", "{00000000-0000-0000-0000-000000000000}", "00000000000000000000000000000000", new string('a', 10_000), "%F0%9F%92%A5")),
        (2, Text.Where(t => !t.Contains('\0', StringComparison.Ordinal) && t.Length > 0).Select(Escape)));

    /// <summary>A query string of names from <paramref name="names"/> (repeats allowed) with hostile values.</summary>
    public Gen<string> Query(string[] names) =>
        Gen.Choose(0, 6).SelectMany(n => Gen.ArrayOf(
            from name in Gen.Frequency((8, Gen.Elements(names)), (1, Gen.Elements("unknown", "", "limit[]", "%FF")))
            from value in Gen.Frequency(
                (4, Gen.Elements(Numbers)),
                (4, Text.Where(t => !t.Contains('\0', StringComparison.Ordinal)).Select(Escape)),
                (2, Gen.Elements("true", "TRUE", "false", "yes", "1", "stripe", "STRIPE,bridge", "customer", "approved", "br,us", "cpf", ",,,", " 5", "5 ", "١٢", "%FF", "%C3%28", "%00")),
                (1, Gen.Elements(fixture.CustomerEmail, fixture.CustomerEmail.ToUpperInvariant()).Select(Escape)),
                (1, Gen.Choose(1000, 40_000).Select(k => new string('z', k))))
            select name + "=" + value, n))
        .Select(pairs => pairs.Length == 0 ? "" : "?" + string.Join("&", pairs));

    public static Gen<Dictionary<string, string>> ValidCustomer =>
        from n in Gen.Choose(0, 1_000_000)
        from city in Gen.Elements("São Paulo", "Recife", "\"quoted\"")
        from country in Gen.Elements("br", "US", "mx")
        from type in Gen.Elements("cpf", "PASSPORT", "ssn")
        select new Dictionary<string, string>
        {
            ["email"] = Json($"valid{n}@example.com"),
            ["first_name"] = "\"Valid\"",
            ["city"] = Json(city),
            ["country_code"] = Json(country),
            ["document_type"] = Json(type),
            ["dob"] = "\"1990-01-02\"",
            ["monthly_net_income"] = "1000",
        };

    public static Gen<Dictionary<string, string>> ValidSync =>
        from provider in Gen.Elements("stripe", "\"BRIDGE\"", "[\"avenia\"]")
        from fields in Gen.Elements("[\"email\"]", "[\"shipping\",\"first_name\"]", "[\"last_name\"]")
        select new Dictionary<string, string> { ["providers"] = provider.StartsWith('[') || provider.StartsWith('"') ? provider : Json(provider), ["fields"] = fields };

    public static Gen<Dictionary<string, string>> ValidPlatform =>
        from provider in Gen.Elements("stripe", "bridge", "PAGAR_ME", "cel_coin")
        from role in Gen.Elements("customer", "connected_account", "SUBACCOUNT")
        select new Dictionary<string, string> { ["provider"] = Json(provider), ["target_role"] = Json(role), ["bank_account"] = "\"123\"" };

    public Gen<Dictionary<string, string>> ValidGrant =>
        from right in Gen.Elements(true, false)
        select new Dictionary<string, string>
        {
            ["client_id"] = Json(fixture.Merchant.ClientId),
            ["client_secret"] = Json(right ? fixture.Merchant.ClientSecret : "wrong"),
            ["grant_type"] = "\"client_credentials\"",
        };

    /// <summary>A multipart upload: hostile names, types, contents, counts and framing.</summary>
    public Gen<(byte[] Body, string? ContentType)> Multipart =>
        from parts in Gen.Choose(0, 12).SelectMany(n => Gen.ArrayOf(Part, n))
        from boundary in Gen.Elements("oakboundary", "x", new string('b', 70), "with space")
        from framing in Gen.Frequency((8, Gen.Constant(0)), (1, Gen.Constant(1)), (1, Gen.Constant(2)), (1, Gen.Constant(3)))
        select BuildMultipart(parts, boundary, framing);

    private Gen<(string Name, string? FileName, byte[] Content)> Part =>
        from name in Gen.Frequency((8, Gen.Constant("file")), (2, Gen.Constant("file_type")), (1, Gen.Elements("other", "", "FILE")))
        from fileName in Gen.Frequency((4, Gen.Elements<string?>("doc.pdf", "scan.png", "photo.jpg")), (3, Text.Select(t => (string?)t)), (1, Gen.Constant<string?>(null)),
            (1, Gen.Elements<string?>("../../etc/passwd", "/abs/path.pdf", "C:\\x\\y.pdf", "..", new string('n', 10_000) + ".pdf")))
        from magic in Gen.Elements(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D }, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], [0xFF, 0xD8, 0xFF], [], [0x25, 0x50], [0x4D, 0x5A])
        from size in Gen.Frequency((8, Gen.Choose(0, 2000)), (1, Gen.Constant(0)))
        from fileType in Gen.Elements("SSN_BACK", "passport", "CPF_DOCUMENT", "ADDRESS_PROOF", "OTHER", "", "ssn_front,passport")
        select name == "file_type"
            ? (name, (string?)null, Utf8(fileType))
            : (name, fileName, magic.Concat(Enumerable.Range(0, size).Select(i => (byte)(i * 31))).ToArray());

    private static (byte[] Body, string? ContentType) BuildMultipart((string Name, string? FileName, byte[] Content)[] parts, string boundary, int framing)
    {
        using var body = new MemoryStream();
        foreach (var (name, fileName, content) in parts)
        {
            var disposition = $"form-data; name=\"{name}\"" + (fileName is null ? "" : $"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}");
            body.Write(Utf8($"--{boundary}\r\nContent-Disposition: {disposition}\r\nContent-Type: application/octet-stream\r\n\r\n"));
            body.Write(content);
            body.Write("\r\n"u8);
        }

        if (framing != 1)
        {
            body.Write(Utf8($"--{boundary}--\r\n")); // framing 1: no closing boundary
        }

        var contentType = framing switch
        {
            2 => "multipart/form-data", // no boundary parameter
            3 => "multipart/form-data; boundary=\"another\"",
            _ => $"multipart/form-data; boundary=\"{boundary}\"",
        };
        return (body.ToArray(), contentType);
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>A JSON string literal; everything outside printable ASCII is \u-escaped, so lone surrogates reach the server as such.</summary>
    public static string Json(string text)
    {
        var json = new StringBuilder("\"", text.Length + 2);
        foreach (var c in text)
        {
            if (c is '"' or '\\')
            {
                json.Append('\\').Append(c);
            }
            else if (c is < ' ' or > '~')
            {
                json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                json.Append(c);
            }
        }

        return json.Append('"').ToString();
    }

    /// <summary>Percent-encodes as UTF-8 (a lone surrogate becomes U+FFFD; raw invalid UTF-8 comes from the %FF-style values).</summary>
    public static string Escape(string text)
    {
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(text, i++, 2);
            }
            else
            {
                clean.Append(char.IsSurrogate(text[i]) ? '\uFFFD' : text[i]);
            }
        }

        return Uri.EscapeDataString(clean.ToString());
    }

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
