using System.Text.Json;

namespace OakNetwork.Payments;

/// <summary>
/// The Customers service of the Oak API, as an interface so applications can fake it in their tests.
/// <see cref="CustomerService"/> implements it (and its methods are virtual too); with DI, inject
/// <see cref="ICustomerService"/> or <see cref="CustomerService"/>.
/// </summary>
public interface ICustomerService
{
    /// <inheritdoc cref="CustomerService.CreateAsync"/>
    Task<OakResult<ApiResponse<Customer>>> CreateAsync(
        CreateCustomerRequest request,
        RequestOptions? options = null,
        CancellationToken cancellationToken = default);

    /// <inheritdoc cref="CustomerService.GetAsync"/>
    Task<OakResult<ApiResponse<Customer>>> GetAsync(
        string id,
        RequestOptions? options = null,
        CancellationToken cancellationToken = default);

    /// <inheritdoc cref="CustomerService.ListAsync"/>
    Task<OakResult<ApiResponse<CustomerListPage>>> ListAsync(
        CustomerListQuery? query = null,
        RequestOptions? options = null,
        CancellationToken cancellationToken = default);

    /// <inheritdoc cref="CustomerService.ListAutoPagingAsync"/>
    IAsyncEnumerable<Customer> ListAutoPagingAsync(
        CustomerListQuery? query = null,
        RequestOptions? options = null,
        CancellationToken cancellationToken = default);

    /// <inheritdoc cref="CustomerService.UpdateAsync"/>
    Task<OakResult<ApiResponse<Customer>>> UpdateAsync(
        string id,
        UpdateCustomerRequest request,
        RequestOptions? options = null,
        CancellationToken cancellationToken = default);

    /// <inheritdoc cref="CustomerService.SyncAsync"/>
    Task<OakResult<ApiResponse<JsonElement?>>> SyncAsync(
        string id,
        CustomerSyncRequest request,
        RequestOptions? options = null,
        CancellationToken cancellationToken = default);

    /// <inheritdoc cref="CustomerService.BalanceAsync"/>
    Task<OakResult<ApiResponse<CustomerBalances>>> BalanceAsync(
        string customerId,
        BalanceFilter? filter = null,
        RequestOptions? options = null,
        CancellationToken cancellationToken = default);

    /// <inheritdoc cref="CustomerService.UploadFilesAsync"/>
    Task<OakResult<ApiResponse<IReadOnlyList<CustomerFile>>>> UploadFilesAsync(
        string customerId,
        IEnumerable<CustomerFileUpload> files,
        RequestOptions? options = null,
        CancellationToken cancellationToken = default);

    /// <inheritdoc cref="CustomerService.GetFilesAsync"/>
    Task<OakResult<ApiResponse<IReadOnlyList<CustomerFile>>>> GetFilesAsync(
        string customerId,
        RequestOptions? options = null,
        CancellationToken cancellationToken = default);

    /// <inheritdoc cref="CustomerService.PopulatePlatformAsync"/>
    Task<OakResult<ApiResponse<IReadOnlyList<PlatformRegistration>>>> PopulatePlatformAsync(
        string customerId,
        PlatformRequest request,
        RequestOptions? options = null,
        CancellationToken cancellationToken = default);
}
