using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace OakNetwork.Payments;

/// <summary>
/// The Customers service of the Oak API: create, get, list, update, sync, balances, files and platform (KYC)
/// data. Every method returns an <see cref="OakResult{T}"/> instead of throwing; invalid input is a
/// <see cref="ValidationError"/> and sends nothing. Methods are virtual so they can be faked in tests.
/// </summary>
public class CustomerService : ICustomerService
{
    /// <summary>The largest file <see cref="UploadFilesAsync"/> accepts: 5 MiB.</summary>
    public const int MaxFileBytes = 5 * 1024 * 1024;

    /// <summary>The most files one <see cref="UploadFilesAsync"/> call accepts.</summary>
    public const int MaxFilesPerUpload = 10;

    private const string CustomersPath = "/api/v1/customers";
    private const string CustomerPathTemplate = CustomersPath + "/{id}";

    private readonly OakClient? _client;

    /// <summary>Creates the service over a client (the same as <see cref="OakClient.Customers"/>).</summary>
    /// <param name="client">The client.</param>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is <see langword="null"/>.</exception>
    public CustomerService(OakClient client)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
    }

    /// <summary>For mocking frameworks: a service with no client, whose non-overridden methods throw.</summary>
    protected CustomerService()
    {
    }

    private OakPipeline Pipeline => _client?.Pipeline
        ?? throw new InvalidOperationException("This CustomerService was created without an OakClient (for mocking); override the method.");

    /// <summary>Creates a customer: <c>POST /api/v1/customers</c>. <see cref="CreateCustomerRequest.Email"/> is required.</summary>
    /// <param name="request">The customer's fields.</param>
    /// <param name="options">Per-call options (idempotency key, timeout, headers).</param>
    /// <param name="cancellationToken">Cancels the call, including waits between retries.</param>
    /// <returns>The created customer, or the error.</returns>
    public virtual Task<OakResult<ApiResponse<Customer>>> CreateAsync(
        CreateCustomerRequest request,
        RequestOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            return Invalid<Customer>("A create request is required.", "request");
        }

        if (string.IsNullOrWhiteSpace(request.Email))
        {
            return Invalid<Customer>("Email is required to create a customer.", "email");
        }

        var call = new OakRequest("customers.create", HttpMethod.Post, CustomersPath, CustomersPath)
        {
            Content = OakRequest.Json(request, OakJsonContext.Default.CreateCustomerRequest),
        };
        return Pipeline.SendAsync(call, OakJsonContext.Default.CustomerResponse, null, options, cancellationToken);
    }

    /// <summary>Gets a customer: <c>GET /api/v1/customers/{id}</c>.</summary>
    /// <param name="id">The customer id (a UUID, with or without the <c>cus_</c> prefix).</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The customer, or the error (an <see cref="ApiError"/> with status 404 when unknown).</returns>
    public virtual Task<OakResult<ApiResponse<Customer>>> GetAsync(
        string id,
        RequestOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        if (InvalidId(id, nameof(id)) is { } invalid)
        {
            return Failed<Customer>(invalid);
        }

        var call = new OakRequest("customers.get", HttpMethod.Get, CustomerPathTemplate, CustomerPath(id));
        return Pipeline.SendAsync(call, OakJsonContext.Default.CustomerResponse, null, options, cancellationToken);
    }

    /// <summary>Lists customers, newest first: <c>GET /api/v1/customers?limit=&amp;offset=&amp;…</c>.</summary>
    /// <param name="query">Paging and filters; <see langword="null"/> sends no query string.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One page and the total count, or the error.</returns>
    public virtual Task<OakResult<ApiResponse<CustomerListPage>>> ListAsync(
        CustomerListQuery? query = null,
        RequestOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        if (query is { Limit: < 1 })
        {
            return Invalid<CustomerListPage>("Limit must be at least 1.", "limit");
        }

        if (query is { Offset: < 0 })
        {
            return Invalid<CustomerListPage>("Offset must not be negative.", "offset");
        }

        var call = new OakRequest("customers.list", HttpMethod.Get, CustomersPath, CustomersPath)
        {
            Query = query is null ? string.Empty : new QueryBuilder()
                .Add("limit", query.Limit)
                .Add("offset", query.Offset)
                .Add("email", query.Email)
                .Add("country_code", query.CountryCode)
                .Add("document_type", query.DocumentType)
                .Add("provider", query.Provider)
                .Add("provider_registration_status", query.ProviderRegistrationStatus)
                .Add("target_role", query.TargetRole)
                .Add("strict", query.Strict)
                .ToString(),
        };
        return Pipeline.SendAsync(call, OakJsonContext.Default.CustomerListPageResponse, null, options, cancellationToken);
    }

    /// <summary>
    /// Walks every page of <see cref="ListAsync"/> from <see cref="CustomerListQuery.Offset"/> on, with
    /// <see cref="CustomerListQuery.Limit"/> (default 100) customers per request.
    /// </summary>
    /// <param name="query">Paging and filters.</param>
    /// <param name="options">Per-call options, applied to each page request.</param>
    /// <param name="cancellationToken">Cancels the walk.</param>
    /// <returns>The customers, one by one.</returns>
    /// <exception cref="OakException">A page request failed (an async stream cannot return a result).</exception>
    public virtual async IAsyncEnumerable<Customer> ListAutoPagingAsync(
        CustomerListQuery? query = null,
        RequestOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        query ??= new CustomerListQuery();
        var limit = query.Limit ?? 100;
        var offset = query.Offset ?? 0;
        while (true)
        {
            var result = await ListAsync(query.With(limit, offset), options, cancellationToken).ConfigureAwait(false);
            var page = result.EnsureOk().Data;
            foreach (var customer in page.CustomerList)
            {
                yield return customer;
            }

            var received = page.CustomerList.Count;
            offset += received;

            // Stop on an empty page, at the reported total, or (when a server reports no total) at a short page.
            if (received == 0 || (page.Count > 0 ? offset >= page.Count : received < limit))
            {
                yield break;
            }
        }
    }

    /// <summary>
    /// Updates a customer partially: <c>PUT /api/v1/customers/{id}</c>. Only the properties set on
    /// <paramref name="request"/> are sent; a property set to <see langword="null"/> clears the field.
    /// </summary>
    /// <param name="id">The customer id.</param>
    /// <param name="request">The fields to change.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated customer, or the error.</returns>
    public virtual Task<OakResult<ApiResponse<Customer>>> UpdateAsync(
        string id,
        UpdateCustomerRequest request,
        RequestOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        if (InvalidId(id, nameof(id)) is { } invalid)
        {
            return Failed<Customer>(invalid);
        }

        if (request is null)
        {
            return Invalid<Customer>("An update request is required.", "request");
        }

        if (request.IsSet("email") && string.IsNullOrWhiteSpace(request.Email))
        {
            return Invalid<Customer>("Email cannot be cleared.", "email");
        }

        var call = new OakRequest("customers.update", HttpMethod.Put, CustomerPathTemplate, CustomerPath(id))
        {
            Content = OakRequest.Json(request, OakJsonContext.Default.UpdateCustomerRequest),
        };
        return Pipeline.SendAsync(call, OakJsonContext.Default.CustomerResponse, null, options, cancellationToken);
    }

    /// <summary>
    /// Schedules a sync of some fields to one provider: <c>POST /api/v1/customers/{id}/sync</c>. The answer's
    /// data is <see langword="null"/>; the customer's <c>synced</c> turns true when the sync finished.
    /// </summary>
    /// <param name="id">The customer id.</param>
    /// <param name="request">Exactly one provider and at least one field.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The acknowledgement (its data is normally <see langword="null"/>), or the error.</returns>
    public virtual Task<OakResult<ApiResponse<JsonElement?>>> SyncAsync(
        string id,
        CustomerSyncRequest request,
        RequestOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        if (InvalidId(id, nameof(id)) is { } invalid)
        {
            return Failed<JsonElement?>(invalid);
        }

        if (request?.Providers is not { Count: 1 } providers || string.IsNullOrWhiteSpace(providers[0].Value))
        {
            return Invalid<JsonElement?>("A sync needs exactly one provider.", "providers");
        }

        if (request.Fields is not { Count: > 0 } fields || fields.Any(f => string.IsNullOrWhiteSpace(f.Value)))
        {
            return Invalid<JsonElement?>("A sync needs at least one field.", "fields");
        }

        if (fields.Distinct().Count() != fields.Count)
        {
            return Invalid<JsonElement?>("A sync must not name a field twice.", "fields");
        }

        var call = new OakRequest("customers.sync", HttpMethod.Post, CustomerPathTemplate + "/sync", CustomerPath(id) + "/sync")
        {
            Content = OakRequest.Json(request, OakJsonContext.Default.CustomerSyncRequest),
        };
        return Pipeline.SendAsync(call, OakJsonContext.Default.EmptyResponse, static () => null, options, cancellationToken);
    }

    /// <summary>Gets a customer's balances: <c>GET /api/v1/customers/{id}/balances?provider=&amp;role=</c>.</summary>
    /// <param name="customerId">The customer id.</param>
    /// <param name="filter">Optional provider and role filters.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The balances, or the error.</returns>
    public virtual Task<OakResult<ApiResponse<CustomerBalances>>> BalanceAsync(
        string customerId,
        BalanceFilter? filter = null,
        RequestOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        if (InvalidId(customerId, nameof(customerId)) is { } invalid)
        {
            return Failed<CustomerBalances>(invalid);
        }

        var call = new OakRequest("customers.balances", HttpMethod.Get, CustomerPathTemplate + "/balances", CustomerPath(customerId) + "/balances")
        {
            Query = new QueryBuilder().Add("provider", filter?.Provider).Add("role", filter?.Role).ToString(),
        };
        return Pipeline.SendAsync(call, OakJsonContext.Default.CustomerBalancesResponse, null, options, cancellationToken);
    }

    /// <summary>
    /// Uploads KYC documents: <c>POST /api/v1/customers/{id}/files</c> (multipart). Each stream is read once
    /// before sending; a file over 5 MiB, an empty file or more than 10 files is a <see cref="ValidationError"/>.
    /// </summary>
    /// <param name="customerId">The customer id.</param>
    /// <param name="files">The files; their <see cref="CustomerFileUpload.FileType"/>, if set, must agree.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call, including reading the streams.</param>
    /// <returns>The stored files (empty when the server answers with <c>data: null</c>), or the error.</returns>
    public virtual async Task<OakResult<ApiResponse<IReadOnlyList<CustomerFile>>>> UploadFilesAsync(
        string customerId,
        IEnumerable<CustomerFileUpload> files,
        RequestOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        if (InvalidId(customerId, nameof(customerId)) is { } invalid)
        {
            return OakResult.Failure<ApiResponse<IReadOnlyList<CustomerFile>>>(invalid);
        }

        var (parts, fileType, error) = await BufferFilesAsync(files, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return OakResult.Failure<ApiResponse<IReadOnlyList<CustomerFile>>>(error);
        }

        var boundary = MultipartBoundary(options?.IdempotencyKey);

        var call = new OakRequest("customers.files.upload", HttpMethod.Post, CustomerPathTemplate + "/files", CustomerPath(customerId) + "/files")
        {
            // One boundary for the whole call, so every retry sends the same bytes under the same Idempotency-Key
            // (a fresh boundary per try made the server see another body: 409 idempotency_mismatch, not the replay).
            Content = () => BuildMultipart(parts!, fileType, boundary),
        };
        return await Pipeline.SendAsync(call, OakJsonContext.Default.CustomerFilesResponse, static () => [], options, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Lists a customer's files, newest first: <c>GET /api/v1/customers/{id}/files</c>.</summary>
    /// <param name="customerId">The customer id.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The files, or the error.</returns>
    public virtual Task<OakResult<ApiResponse<IReadOnlyList<CustomerFile>>>> GetFilesAsync(
        string customerId,
        RequestOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        if (InvalidId(customerId, nameof(customerId)) is { } invalid)
        {
            return Failed<IReadOnlyList<CustomerFile>>(invalid);
        }

        var call = new OakRequest("customers.files.list", HttpMethod.Get, CustomerPathTemplate + "/files", CustomerPath(customerId) + "/files");
        return Pipeline.SendAsync(call, OakJsonContext.Default.CustomerFilesResponse, static () => [], options, cancellationToken);
    }

    /// <summary>
    /// Creates or updates the customer's registration with a provider (KYC data):
    /// <c>POST /api/v1/customers/{id}/platforms</c>.
    /// </summary>
    /// <param name="customerId">The customer id.</param>
    /// <param name="request">The provider, the optional target role and provider-specific keys.</param>
    /// <param name="options">Per-call options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>All the customer's registrations, or the error.</returns>
    public virtual Task<OakResult<ApiResponse<IReadOnlyList<PlatformRegistration>>>> PopulatePlatformAsync(
        string customerId,
        PlatformRequest request,
        RequestOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        if (InvalidId(customerId, nameof(customerId)) is { } invalid)
        {
            return Failed<IReadOnlyList<PlatformRegistration>>(invalid);
        }

        if (request is null || string.IsNullOrWhiteSpace(request.Provider.Value))
        {
            return Invalid<IReadOnlyList<PlatformRegistration>>("A provider is required.", "provider");
        }

        var call = new OakRequest("customers.platforms.populate", HttpMethod.Post, CustomerPathTemplate + "/platforms", CustomerPath(customerId) + "/platforms")
        {
            Content = OakRequest.Json(request, OakJsonContext.Default.PlatformRequest),
        };
        return Pipeline.SendAsync(call, OakJsonContext.Default.PlatformRegistrationsResponse, static () => [], options, cancellationToken);
    }

    private static string CustomerPath(string id) => CustomersPath + "/" + Uri.EscapeDataString(id);

    private static ValidationError? InvalidId(string? id, string name)
        => string.IsNullOrWhiteSpace(id) ? new ValidationError($"{name} must not be empty.", name) : null;

    private static Task<OakResult<ApiResponse<T>>> Invalid<T>(string message, string field)
        => Failed<T>(new ValidationError(message, field));

    private static Task<OakResult<ApiResponse<T>>> Failed<T>(OakError error)
        => Task.FromResult(OakResult.Failure<ApiResponse<T>>(error));

    private static async Task<(List<BufferedFile>? Parts, CustomerFileType? FileType, OakError? Error)> BufferFilesAsync(
        IEnumerable<CustomerFileUpload>? files,
        CancellationToken cancellationToken)
    {
        var uploads = files?.ToList();
        if (uploads is null || uploads.Count == 0)
        {
            return (null, null, new ValidationError("At least one file is required.", "files"));
        }

        if (uploads.Count > MaxFilesPerUpload)
        {
            return (null, null, new ValidationError($"At most {MaxFilesPerUpload} files can be uploaded at once.", "files"));
        }

        CustomerFileType? fileType = null;
        var parts = new List<BufferedFile>(uploads.Count);
        foreach (var upload in uploads)
        {
            if (upload is null || string.IsNullOrWhiteSpace(upload.FileName) || upload.Content is null || !upload.Content.CanRead)
            {
                return (null, null, new ValidationError("Each file needs a name and a readable stream.", "files"));
            }

            if (upload.FileType is { } type)
            {
                if (fileType is { } other && other != type)
                {
                    return (null, null, new ValidationError("All files of one upload must have the same file type.", "file_type"));
                }

                fileType = type;
            }

            if (!IsValidFileNameHeader(upload.FileName))
            {
                return (null, null, new ValidationError($"The file name '{Printable(upload.FileName)}' cannot be sent in a multipart header (control characters or a quote).", "files"));
            }

            var contentType = upload.ContentType ?? "application/octet-stream";
            if (!MediaTypeHeaderValue.TryParse(contentType, out _))
            {
                return (null, null, new ValidationError($"'{contentType}' is not a valid content type.", "files"));
            }

            byte[] bytes;
            try
            {
                bytes = await ReadAtMostAsync(upload.Content, MaxFileBytes + 1, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
            {
                return (null, null, new CanceledError("The upload was canceled while reading the files.", ex));
            }
            catch (IOException ex)
            {
                return (null, null, new ValidationError($"The file '{upload.FileName}' could not be read: {ex.Message}", "files"));
            }

            if (bytes.Length == 0)
            {
                return (null, null, new ValidationError($"The file '{upload.FileName}' is empty.", "files"));
            }

            if (bytes.Length > MaxFileBytes)
            {
                return (null, null, new ValidationError($"The file '{upload.FileName}' is larger than 5 MiB.", "files"));
            }

            parts.Add(new BufferedFile(upload.FileName, contentType, bytes));
        }

        return (parts, fileType, null);
    }

    private static async Task<byte[]> ReadAtMostAsync(Stream stream, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (buffer.Length < limit)
        {
            var count = (int)Math.Min(chunk.Length, limit - buffer.Length);
#if NETSTANDARD2_0
            var read = await stream.ReadAsync(chunk, 0, count, cancellationToken).ConfigureAwait(false);
#else
            var read = await stream.ReadAsync(chunk.AsMemory(0, count), cancellationToken).ConfigureAwait(false);
#endif
            if (read == 0)
            {
                break;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// The multipart boundary of one upload call: derived from the caller's <c>Idempotency-Key</c> when there is one
    /// (the same key and the same files give the same bytes), else random; never changes between retries.
    /// </summary>
    private static string MultipartBoundary(string? idempotencyKey)
    {
        if (string.IsNullOrEmpty(idempotencyKey))
        {
            return "oak-" + Guid.NewGuid().ToString("N");
        }

#if NETSTANDARD2_0
        using var sha = System.Security.Cryptography.SHA256.Create();
        var hash = sha.ComputeHash(System.Text.Encoding.UTF8.GetBytes(idempotencyKey));
        return "oak-" + BitConverter.ToString(hash, 0, 16).Replace("-", string.Empty).ToLowerInvariant();
#elif NET9_0_OR_GREATER
        return "oak-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(idempotencyKey)), 0, 16);
#else
        return "oak-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(idempotencyKey)), 0, 16).ToLowerInvariant();
#endif
    }

    /// <summary>Whether <see cref="MultipartFormDataContent"/> can carry the name (it throws on control characters such as NUL or CR LF, and on quotes).</summary>
    private static bool IsValidFileNameHeader(string fileName)
    {
        try
        {
            using var probe = new MultipartFormDataContent();
            probe.Add(new ByteArrayContent([]), "file", fileName);
            return true;
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return false;
        }
    }

    private static string Printable(string text)
    {
        var builder = new System.Text.StringBuilder(64);
        foreach (var c in text)
        {
            if (builder.Length == 60)
            {
                return builder.Append("...").ToString();
            }

            builder.Append(char.IsControl(c) ? '?' : c);
        }

        return builder.ToString();
    }

    private static MultipartFormDataContent BuildMultipart(List<BufferedFile> parts, CustomerFileType? fileType, string boundary)
    {
        var content = new MultipartFormDataContent(boundary);
        foreach (var part in parts)
        {
            var file = new ByteArrayContent(part.Bytes);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse(part.ContentType);
            content.Add(file, "file", part.FileName);
        }

        if (fileType is { } type)
        {
            content.Add(new StringContent(type.Value), "file_type");
        }

        return content;
    }

    private sealed class BufferedFile(string fileName, string contentType, byte[] bytes)
    {
        public string FileName { get; } = fileName;

        public string ContentType { get; } = contentType;

        public byte[] Bytes { get; } = bytes;
    }
}
