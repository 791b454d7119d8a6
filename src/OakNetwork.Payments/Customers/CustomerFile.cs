using System.Text.Json.Serialization;

namespace OakNetwork.Payments;

/// <summary>A stored customer file (<see cref="CustomerService.GetFilesAsync"/>, <see cref="CustomerService.UploadFilesAsync"/>).</summary>
public sealed class CustomerFile
{
    /// <summary>The file id. Wire name <c>id</c>.</summary>
    public string? Id { get; set; }

    /// <summary>The stored file name. Wire name <c>name</c>.</summary>
    public string? Name { get; set; }

    /// <summary>The document kind. Wire name <c>file_type</c> (or <c>fileType</c>, as the published reference spells it).</summary>
    public CustomerFileType? FileType { get; set; }

    /// <summary>The detected content type. Wire name <c>content_type</c>.</summary>
    public string? ContentType { get; set; }

    /// <summary>The size in bytes. Wire name <c>size</c>.</summary>
    public long Size { get; set; }

    /// <summary>The SHA-256 of the content, in hex. Wire name <c>sha256</c>.</summary>
    public string? Sha256 { get; set; }

    /// <summary>A download link that expires (15 minutes) and needs no bearer token. Wire name <c>url</c>.</summary>
    public Uri? Url { get; set; }

    /// <summary>When the file was uploaded. Wire name <c>created_at</c>.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    // The published reference spells the type "fileType": read it too, and prefer "file_type" when both are present.
    [JsonInclude]
    [JsonPropertyName("fileType")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    internal CustomerFileType? FileTypeCamelCase
    {
        get => null;
        set => FileType ??= value;
    }
}
