using System.Security.Cryptography;
using OakNetwork.Payments.Emulator.Api;
using OakNetwork.Payments.Emulator.Json;
using OakNetwork.Payments.Emulator.Platforms;
using OakNetwork.Payments.Emulator.Storage;

namespace OakNetwork.Payments.Emulator.Files;

/// <summary>
/// Customer files (contract §4.7–§4.8). Files are kept as BLOBs in the database, written in the request's
/// transaction: an upload is all there or not at all, a backup is one file, and the PostgreSQL store can do the
/// same (bytea) so that several instances see the same files.
/// </summary>
internal sealed class FileService(TimeProvider time, DownloadLinks links, KycSimulator kyc)
{
    public async Task<IReadOnlyList<FileItemDto>> UploadAsync(IStoreSession session, string merchantId, Guid customerId, IReadOnlyList<UploadedFile> files, string? fileType, string baseUrl, CancellationToken cancellationToken)
    {
        var customer = await session.GetCustomerAsync(merchantId, customerId, cancellationToken).ConfigureAwait(false) ?? throw ApiException.NotFound();
        var now = time.GetUtcNow();
        var items = new List<FileItemDto>();
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            // Distinct, ordered creation times keep "newest first" stable for files of one request.
            var record = new FileRecord(Guid.NewGuid(), customer.Id, file.Name, fileType, file.ContentType, file.Content.Length,
                Convert.ToHexStringLower(SHA256.HashData(file.Content)), now.AddTicks(i * 10));
            await session.InsertFileAsync(record, file.Content, cancellationToken).ConfigureAwait(false);
            items.Add(ToDto(record, baseUrl));
        }

        await kyc.OnDocumentsUploadedAsync(session, customer, cancellationToken).ConfigureAwait(false);
        return items;
    }

    public async Task<IReadOnlyList<FileItemDto>> ListAsync(IStoreSession session, string merchantId, Guid customerId, string baseUrl, CancellationToken cancellationToken)
    {
        _ = await session.GetCustomerAsync(merchantId, customerId, cancellationToken).ConfigureAwait(false) ?? throw ApiException.NotFound();
        var files = await session.ListFilesAsync(customerId, cancellationToken).ConfigureAwait(false);
        return files.Select(f => ToDto(f, baseUrl)).ToList();
    }

    private FileItemDto ToDto(FileRecord file, string baseUrl) => new(
        file.Id.ToString("D"),
        file.Name,
        file.FileType,
        file.FileType,
        file.ContentType,
        file.Size,
        file.Sha256,
        links.Create(baseUrl, file.Id, file.CustomerId),
        Timestamps.Format(file.CreatedAt));
}
