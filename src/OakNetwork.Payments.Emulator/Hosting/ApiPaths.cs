namespace OakNetwork.Payments.Emulator.Hosting;

/// <summary>The path families the pipeline treats differently.</summary>
internal static class ApiPaths
{
    public const string Api = "/api/v1";
    public const string TokenGrant = "/api/v1/merchant/token/grant";
    public const string Customers = "/api/v1/customers";
    public const string Admin = "/_emulator";
    public const string AdminFaults = "/_emulator/faults";
    public const string Downloads = "/downloads";

    public static bool IsUnder(PathString path, string prefix) => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase);
}
