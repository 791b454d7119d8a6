namespace OakNetwork.Payments;

/// <summary>The success envelope of the Oak API: <c>{"msg": "...", "data": ...}</c>.</summary>
/// <typeparam name="T">The type of <see cref="Data"/>.</typeparam>
public sealed class ApiResponse<T>
{
    /// <summary>The human-readable message of the response (<c>msg</c>).</summary>
    public string Msg { get; set; } = string.Empty;

    /// <summary>The payload (<c>data</c>). For list payloads a <c>null</c> on the wire becomes an empty list.</summary>
    public T Data { get; set; } = default!;
}
