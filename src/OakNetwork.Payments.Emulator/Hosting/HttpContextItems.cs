namespace OakNetwork.Payments.Emulator.Hosting;

/// <summary>Per-request values the pipeline hands to endpoints: the buffered body and the authenticated merchant.</summary>
internal static class HttpContextItems
{
    private const string BodyKey = "oak.body";
    private const string MerchantKey = "oak.merchant";
    private const string RequestIdKey = "oak.request-id";

    public static void SetBufferedBody(this HttpContext context, byte[] body) => context.Items[BodyKey] = body;

    public static ReadOnlyMemory<byte> GetBufferedBody(this HttpContext context) =>
        context.Items.TryGetValue(BodyKey, out var body) && body is byte[] bytes ? bytes : ReadOnlyMemory<byte>.Empty;

    public static void SetMerchantId(this HttpContext context, string merchantId) => context.Items[MerchantKey] = merchantId;

    public static string? GetMerchantId(this HttpContext context) =>
        context.Items.TryGetValue(MerchantKey, out var id) ? id as string : null;

    public static string RequireMerchantId(this HttpContext context) =>
        context.GetMerchantId() ?? throw new InvalidOperationException("No authenticated merchant on this request.");

    public static void SetRequestId(this HttpContext context, string requestId) => context.Items[RequestIdKey] = requestId;

    public static string? GetRequestId(this HttpContext context) =>
        context.Items.TryGetValue(RequestIdKey, out var id) ? id as string : null;

    /// <summary>The base URL the client used, for links handed back to it.</summary>
    public static string PublicBaseUrl(this HttpRequest request) => $"{request.Scheme}://{request.Host.Value}";
}
