using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using OakNetwork.Payments.Emulator.Files;
using OakNetwork.Payments.Emulator.Tests.Infrastructure;

namespace OakNetwork.Payments.Emulator.Tests.Files;

public sealed class FileTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private async Task<string> NewCustomerAsync() => (await fixture.Dev.CreateCustomerAsync()).GetProperty("id").GetString()!;

    private Task<Reply> UploadAsync(string id, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/customers/{id}/files") { Content = content };
        return fixture.Dev.SendAsync(request);
    }

    [Fact]
    public async Task Upload_sniffs_pdf_png_and_jpeg_and_returns_201_with_the_stored_items()
    {
        var id = await NewCustomerAsync();

        var reply = await UploadAsync(id, SampleFiles.Form("passport",
            ("scan.pdf", SampleFiles.Pdf, "application/octet-stream"),
            ("photo.png", SampleFiles.Png, "image/png"),
            ("selfie.jpg", SampleFiles.Jpeg, "text/plain")));

        Expect.Success(reply, 201);
        Assert.Equal("file upload successful", reply.Json.GetProperty("msg").GetString());
        var items = reply.Data.EnumerateArray().ToList();
        Assert.Equal(["application/pdf", "image/png", "image/jpeg"], items.Select(i => i.GetProperty("content_type").GetString()));
        Assert.Equal(["scan.pdf", "photo.png", "selfie.jpg"], items.Select(i => i.GetProperty("name").GetString()));
        Assert.All(items, i => Assert.Equal("PASSPORT", i.GetProperty("file_type").GetString()));
        Assert.All(items, i => Assert.Equal("PASSPORT", i.GetProperty("fileType").GetString()));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(SampleFiles.Pdf)), items[0].GetProperty("sha256").GetString());
        Assert.Equal(SampleFiles.Pdf.Length, items[0].GetProperty("size").GetInt64());
        Assert.Equal(["id", "name", "file_type", "fileType", "content_type", "size", "sha256", "url", "created_at"], items[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task List_shows_files_newest_first_with_links_that_download_without_a_token()
    {
        var id = await NewCustomerAsync();
        Expect.Success(await UploadAsync(id, SampleFiles.Form(("first.pdf", SampleFiles.Pdf, "application/pdf"))), 201);
        Expect.Success(await UploadAsync(id, SampleFiles.Form(("second.png", SampleFiles.Png, "image/png"))), 201);

        var list = await fixture.Dev.GetAsync($"/api/v1/customers/{id}/files");

        Expect.Success(list);
        var items = list.Data.EnumerateArray().ToList();
        Assert.Equal(["second.png", "first.pdf"], items.Select(i => i.GetProperty("name").GetString()));
        Assert.Equal(JsonValueKindNull, items[0].GetProperty("file_type").ValueKind);
        var download = await fixture.Anonymous.GetAsync(items[1].GetProperty("url").GetString()!);
        Assert.Equal(200, download.Status);
        Assert.Equal(SampleFiles.Pdf, download.Bytes);
        Assert.Equal("application/pdf", download.ContentHeaders.ContentType?.MediaType);
        Assert.Contains("first.pdf", download.Header("Content-Disposition"));
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    [Theory]
    [InlineData("signature")]
    [InlineData("customer_id")]
    [InlineData("expires")]
    [InlineData("file")]
    public async Task An_altered_download_link_is_refused(string part)
    {
        var id = await NewCustomerAsync();
        var other = await NewCustomerAsync();
        var url = (await UploadAsync(id, SampleFiles.Form(("a.pdf", SampleFiles.Pdf, "application/pdf")))).Data[0].GetProperty("url").GetString()!;
        var uri = new Uri(url);
        var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
        var path = uri.AbsolutePath;
        switch (part)
        {
            case "signature":
                var signature = query["signature"]!;
                query["signature"] = (signature[0] == 'a' ? 'b' : 'a') + signature[1..];
                break;
            case "customer_id":
                query["customer_id"] = other;
                break;
            case "expires":
                query["expires"] = (long.Parse(query["expires"]!, System.Globalization.CultureInfo.InvariantCulture) + 3600).ToString(System.Globalization.CultureInfo.InvariantCulture);
                break;
            case "file":
                path = "/downloads/" + Guid.NewGuid();
                break;
        }

        Expect.Error(await fixture.Anonymous.GetAsync($"{path}?{query}"), 403);
    }

    [Fact]
    public async Task An_expired_download_link_is_refused()
    {
        var id = await NewCustomerAsync();
        var fileId = Guid.Parse((await UploadAsync(id, SampleFiles.Form(("a.pdf", SampleFiles.Pdf, "application/pdf")))).Data[0].GetProperty("id").GetString()!);
        var links = fixture.Emulator.Services.GetRequiredService<DownloadLinks>();

        var expired = links.Create(fixture.Emulator.BaseUrl.ToString().TrimEnd('/'), fileId, Guid.Parse(id), DateTimeOffset.UtcNow.AddSeconds(-1));
        var fresh = links.Create(fixture.Emulator.BaseUrl.ToString().TrimEnd('/'), fileId, Guid.Parse(id), DateTimeOffset.UtcNow.AddMinutes(1));

        Expect.Error(await fixture.Anonymous.GetAsync(expired), 403, "Download link is invalid or expired");
        Assert.Equal(200, (await fixture.Anonymous.GetAsync(fresh)).Status);
    }

    [Fact]
    public async Task Links_expire_after_15_minutes()
    {
        var id = await NewCustomerAsync();
        var url = (await UploadAsync(id, SampleFiles.Form(("a.pdf", SampleFiles.Pdf, "application/pdf")))).Data[0].GetProperty("url").GetString()!;
        var expires = long.Parse(System.Web.HttpUtility.ParseQueryString(new Uri(url).Query)["expires"]!, System.Globalization.CultureInfo.InvariantCulture);

        Assert.InRange(expires - DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 14 * 60, 15 * 60 + 1);
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("C:\\Users\\me\\Desktop\\id.pdf", "id.pdf")]
    [InlineData("/absolute/path/doc.pdf", "doc.pdf")]
    [InlineData("..", "file")]
    [InlineData("dir/", "file")]
    [InlineData("tab\there.pdf", "tabhere.pdf")]
    public async Task Directory_parts_and_control_characters_are_removed_from_file_names(string name, string stored)
    {
        var id = await NewCustomerAsync();
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(SampleFiles.Pdf);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileNameStar = name };
        form.Add(part);

        var reply = await UploadAsync(id, form);

        Expect.Success(reply, 201);
        Assert.Equal(stored, reply.Data[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Nul_characters_and_very_long_names_are_stored_safely()
    {
        var id = await NewCustomerAsync();
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(SampleFiles.Pdf);
        part.Headers.TryAddWithoutValidation("Content-Disposition", "form-data; name=\"file\"; filename*=UTF-8''evil%00name" + new string('x', 600) + ".pdf");
        form.Add(part);

        var reply = await UploadAsync(id, form);

        Expect.Success(reply, 201);
        var name = reply.Data[0].GetProperty("name").GetString()!;
        Assert.DoesNotContain('\0', name);
        Assert.Equal(255, name.Length);
        Assert.StartsWith("evilname", name);
    }

    [Fact]
    public async Task Content_that_is_not_pdf_jpeg_or_png_is_400_whatever_its_declared_type()
    {
        var id = await NewCustomerAsync();

        Expect.Error(await UploadAsync(id, SampleFiles.Form(("fake.pdf", SampleFiles.Text, "application/pdf"))), 400, "Invalid file or missing data", "file");
        Expect.Error(await UploadAsync(id, SampleFiles.Form(("ok.pdf", SampleFiles.Pdf, "application/pdf"), ("bad.png", SampleFiles.Text, "image/png"))), 400, "Invalid file or missing data");
        Assert.Equal(0, (await fixture.Dev.GetAsync($"/api/v1/customers/{id}/files")).Data.GetArrayLength());
    }

    [Fact]
    public async Task Empty_file_missing_file_or_non_multipart_is_400()
    {
        var id = await NewCustomerAsync();

        Expect.Error(await UploadAsync(id, SampleFiles.Form(("empty.pdf", [], "application/pdf"))), 400, "Invalid file or missing data", "file");
        var noFile = new MultipartFormDataContent { { new StringContent("PASSPORT"), "file_type" } };
        Expect.Error(await UploadAsync(id, noFile), 400, "Invalid file or missing data", "file");
        var wrongName = new MultipartFormDataContent { { new ByteArrayContent(SampleFiles.Pdf), "document", "a.pdf" } };
        Expect.Error(await UploadAsync(id, wrongName), 400, "Invalid file or missing data", "file");
        Expect.Error(await UploadAsync(id, new StringContent("{}", System.Text.Encoding.UTF8, "application/json")), 400, "Invalid file or missing data");
        var broken = new ByteArrayContent("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-"u8.ToArray());
        broken.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=x");
        Expect.ClientError(await UploadAsync(id, broken));
    }

    [Fact]
    public async Task An_unknown_file_type_is_400()
    {
        var id = await NewCustomerAsync();

        Expect.Error(await UploadAsync(id, SampleFiles.Form("DRIVER_LICENSE", ("a.pdf", SampleFiles.Pdf, "application/pdf"))), 400, "Invalid file or missing data", "file_type");
    }

    [Fact]
    public async Task More_than_ten_files_is_400_and_ten_are_accepted()
    {
        var id = await NewCustomerAsync();
        var eleven = Enumerable.Range(0, 11).Select(i => ($"f{i}.pdf", SampleFiles.Pdf, "application/pdf")).ToArray();

        Expect.Error(await UploadAsync(id, SampleFiles.Form(eleven)), 400, "Invalid file or missing data", "file");
        Expect.Success(await UploadAsync(id, SampleFiles.Form(eleven[..10])), 201);
    }

    [Fact]
    public async Task A_file_over_5_mib_is_413_and_exactly_5_mib_is_accepted()
    {
        var id = await NewCustomerAsync();
        var limit = new byte[5 * 1024 * 1024];
        SampleFiles.Pdf.CopyTo(limit, 0);
        var over = new byte[limit.Length + 1];
        limit.CopyTo(over, 0);

        Expect.Error(await UploadAsync(id, SampleFiles.Form(("big.pdf", over, "application/pdf"))), 413, null, "file");
        Expect.Success(await UploadAsync(id, SampleFiles.Form(("max.pdf", limit, "application/pdf"))), 201);
    }

    [Fact]
    public async Task Upload_to_an_unknown_customer_is_404()
    {
        Expect.Error(await UploadAsync(Guid.NewGuid().ToString(), SampleFiles.Form(("a.pdf", SampleFiles.Pdf, "application/pdf"))), 404);
    }
}
