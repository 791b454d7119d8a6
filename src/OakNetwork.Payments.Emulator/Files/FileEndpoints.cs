using Microsoft.Net.Http.Headers;
using OakNetwork.Payments.Emulator.Api;
using OakNetwork.Payments.Emulator.Customers;
using OakNetwork.Payments.Emulator.Hosting;
using OakNetwork.Payments.Emulator.Json;
using OakNetwork.Payments.Emulator.Storage;

namespace OakNetwork.Payments.Emulator.Files;

/// <summary>Upload and list customer files (contract §4.7–§4.8), and the signed download links' endpoint.</summary>
internal static class FileEndpoints
{
    public const string InvalidMessage = "Invalid file or missing data";
    public const int MaxFileBytes = 5 * 1024 * 1024;
    public const int MaxFiles = 10;

    public static void MapFileEndpoints(this RouteGroupBuilder customers)
    {
        customers.MapPost("/{id}/files", UploadAsync).WithName("UploadCustomerFiles").WithSummary("Upload customer documents (PDF, JPEG, PNG)")
            .DisableAntiforgery()
            .Produces<SuccessEnvelope<IReadOnlyList<FileItemDto>>>(201).Produces<ErrorEnvelope>(400).Produces<ErrorEnvelope>(404).Produces<ErrorEnvelope>(413);
        customers.MapGet("/{id}/files", ListAsync).WithName("ListCustomerFiles").WithSummary("List customer files with download links")
            .Produces<SuccessEnvelope<IReadOnlyList<FileItemDto>>>().Produces<ErrorEnvelope>(404);
    }

    public static void MapDownloadEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet(ApiPaths.Downloads + "/{fileId}", DownloadAsync).ExcludeFromDescription();
    }

    private static async Task<IResult> UploadAsync(string id, HttpContext context, UnitOfWork unitOfWork, FileService files)
    {
        var customerId = CustomerIds.Parse(id);
        var (uploads, fileType) = await ReadUploadAsync(context.Request).ConfigureAwait(false);
        var session = await unitOfWork.SessionAsync(context.RequestAborted).ConfigureAwait(false);
        var items = await files.UploadAsync(session, context.RequireMerchantId(), customerId, uploads, fileType, context.Request.PublicBaseUrl(), context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Json(new SuccessEnvelope<IReadOnlyList<FileItemDto>>("file upload successful", items), EmulatorJsonContext.Default.FilesEnvelope, statusCode: 201);
    }

    private static async Task<IResult> ListAsync(string id, HttpContext context, UnitOfWork unitOfWork, FileService files)
    {
        var customerId = CustomerIds.Parse(id);
        var session = await unitOfWork.SessionAsync(context.RequestAborted).ConfigureAwait(false);
        var items = await files.ListAsync(session, context.RequireMerchantId(), customerId, context.Request.PublicBaseUrl(), context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Json(new SuccessEnvelope<IReadOnlyList<FileItemDto>>("Files fetched successfully", items), EmulatorJsonContext.Default.FilesEnvelope);
    }

    private static async Task<IResult> DownloadAsync(string fileId, HttpContext context, UnitOfWork unitOfWork, DownloadLinks links)
    {
        var query = context.Request.Query;
        Guid? customerId = Guid.TryParseExact(fileId, "D", out var file)
            ? links.Verify(file, query["customer_id"].ToString(), query["expires"].ToString(), query["signature"].ToString())
            : null;
        if (customerId is null)
        {
            throw new ApiException(403, "Download link is invalid or expired", [new("invalid_link", "The download link was altered or has expired", [])]);
        }

        var session = await unitOfWork.SessionAsync(context.RequestAborted).ConfigureAwait(false);
        var stored = await session.GetFileContentAsync(file, context.RequestAborted).ConfigureAwait(false);
        if (stored is not { } found || found.File.CustomerId != customerId)
        {
            throw ApiException.NotFound();
        }

        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(found.File.Name);
        context.Response.Headers.ContentDisposition = disposition.ToString();
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Bytes(found.Content, found.File.ContentType);
    }

    private static async Task<(IReadOnlyList<UploadedFile> Files, string? FileType)> ReadUploadAsync(HttpRequest request)
    {
        if (!request.HasFormContentType || request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) != true)
        {
            throw Invalid("content_type", "The request must be multipart/form-data with one or more parts named file", "file");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException or FormatException)
        {
            throw Invalid("malformed_multipart", "The multipart body is malformed", "file");
        }

        string? fileType = null;
        var fileTypes = form["file_type"];
        if (fileTypes.Count > 1)
        {
            throw Invalid("duplicate", "file_type must be given at most once", "file_type");
        }

        if (fileTypes.Count == 1 && !string.IsNullOrWhiteSpace(fileTypes[0]))
        {
            fileType = fileTypes[0]!.Trim().ToUpperInvariant();
            if (!ContractVocabulary.FileTypes.Contains(fileType))
            {
                throw Invalid("invalid_value", "file_type must be " + ContractVocabulary.OneOf(ContractVocabulary.FileTypes), "file_type");
            }
        }

        var parts = form.Files.GetFiles("file");
        if (parts.Count == 0)
        {
            throw Invalid("required", "At least one part named file, with a file name, is required", "file");
        }

        if (parts.Count > MaxFiles)
        {
            throw Invalid("too_many", $"At most {MaxFiles} files can be uploaded per request", "file");
        }

        if (parts.Any(p => p.Length > MaxFileBytes))
        {
            throw ApiException.TooLarge("File too large (at most 5 MiB per file)", "file");
        }

        var uploads = new List<UploadedFile>();
        foreach (var part in parts)
        {
            if (part.Length == 0)
            {
                throw Invalid("empty", "An uploaded file is empty", "file");
            }

            var content = new byte[part.Length];
            using (var stream = part.OpenReadStream())
            {
                await stream.ReadExactlyAsync(content, request.HttpContext.RequestAborted).ConfigureAwait(false);
            }

            var contentType = FileSniffer.ContentType(content)
                ?? throw Invalid("unsupported_content", "Each file must be a PDF, JPEG or PNG (judged by its content)", "file");
            uploads.Add(new UploadedFile(FileNameSanitizer.Sanitize(part.FileName), contentType, content));
        }

        return (uploads, fileType);
    }

    private static ApiException Invalid(string code, string message, string field) =>
        ApiException.Validation(InvalidMessage, FailureReason.For(field, code, message));
}
