namespace OakNetwork.Payments;

/// <summary>
/// A file to upload with <see cref="CustomerService.UploadFilesAsync"/>. The SDK reads the stream once (at most
/// 5 MiB) before sending, so retries resend the same bytes; it does not dispose the stream.
/// </summary>
public sealed class CustomerFileUpload
{
    /// <summary>Creates a file to upload.</summary>
    /// <param name="fileName">The file name sent to the server (any directory part is removed by the server).</param>
    /// <param name="content">The content, read from its current position to its end.</param>
    public CustomerFileUpload(string fileName, Stream content)
    {
        FileName = fileName;
        Content = content;
    }

    /// <summary>The file name sent to the server.</summary>
    public string FileName { get; }

    /// <summary>The content, read from its current position to its end.</summary>
    public Stream Content { get; }

    /// <summary>The declared content type; <see langword="null"/> sends <c>application/octet-stream</c> (the server judges by the bytes).</summary>
    public string? ContentType { get; set; }

    /// <summary>The document kind, sent as the request's <c>file_type</c> part (one per request: all files must agree).</summary>
    public CustomerFileType? FileType { get; set; }
}
