using System.Text.Json.Serialization;

namespace OakNetwork.Payments.Emulator.Json;

/// <summary>A file item (contract §4.8); <c>fileType</c> duplicates <c>file_type</c> as the reference spells it.</summary>
internal sealed record FileItemDto(
    string Id,
    string Name,
    string? FileType,
    [property: JsonPropertyName("fileType")] string? FileTypeAlias,
    string ContentType,
    long Size,
    [property: JsonPropertyName("sha256")] string Sha256,
    string Url,
    string CreatedAt);
