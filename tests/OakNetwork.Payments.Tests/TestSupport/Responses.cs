using System.Net;
using System.Text;

namespace OakNetwork.Payments.Tests.TestSupport;

internal static class Responses
{
    public const string CustomerId = "3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b";

    public static readonly string CustomerJson = $$"""
        {"id":"{{CustomerId}}","customer_id":"{{CustomerId}}","email":"alice@example.com","first_name":"Alice",
         "last_name":"Smith","social_name":null,"document_number":null,"document_type":"passport","tax_id":null,
         "dob":"1990-01-02","gender":"female","phone_country_code":"+1","phone_area_code":"415","phone_number":"5550100",
         "country_code":"us","subdivision":null,"state":"CA","city":"San Francisco","neighborhood":null,"street_name":"Market",
         "street_number":"1","house_number":null,"postal_code":"94105","mother_name":null,"monthly_net_income":5000,
         "company_name":null,"company_start_date":null,"owner_legal_name":null,"owner_document_number":null,
         "owner_document_type":null,"customer_wallet":null,"trading_wallet":null,"account_type":null,
         "additional_info":{"tier":"gold"},"status":"NOT_STARTED","synced":false,"synced_at":null,
         "platforms":[{"provider":"stripe","target_role":"customer","status":"submitted","readiness":null,
           "rejection_reason":null,"action_required":null,"created_at":"2026-11-26T10:00:00Z","updated_at":"2026-11-26T10:00:00Z"}],
         "version":1,"created_at":"2026-11-26T10:00:00Z","updated_at":"2026-11-26T10:00:00Z"}
        """;

    public static HttpResponseMessage Json(int status, string json, params (string Name, string Value)[] headers)
        => Raw(status, json, "application/json", headers);

    public static HttpResponseMessage Raw(int status, string body, string contentType, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status)
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    public static HttpResponseMessage Envelope(string dataJson, int status = 200, params (string Name, string Value)[] headers)
        => Json(status, $$"""{"msg":"ok","data":{{dataJson}}}""", headers);

    public static HttpResponseMessage Customer() => Envelope(CustomerJson);

    public static HttpResponseMessage Error(int status, string message, string code)
        => Json(status, $$"""{"msg":"{{message}}","data":null,"error_code":"{{code}}","failure_reasons":[]}""", ("X-Request-Id", "req-" + status));

    public static HttpResponseMessage Token(string token, double? expiresIn)
        => Json(200, expiresIn is null
            ? $$"""{"access_token":"{{token}}","token_type":"Bearer"}"""
            : $$"""{"access_token":"{{token}}","token_type":"Bearer","expires_in":{{expiresIn}}}""");

    /// <summary>An unsigned JWT whose payload has the given <c>exp</c>.</summary>
    public static string Jwt(DateTimeOffset expires, string subject = "merchant-1")
    {
        static string Part(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return Part("""{"alg":"HS256","typ":"JWT"}""") + "." + Part($$"""{"sub":"{{subject}}","exp":{{expires.ToUnixTimeSeconds()}}}""") + ".c2lnbmF0dXJl";
    }
}
