using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using OakNetwork.Payments.Reliability.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OakNetwork.Payments.Reliability.Tests.Security;

/// <summary>
/// Signed download links cannot be turned to another customer's file, and hostile file names sent through the SDK
/// are stored as plain names. (Expired and altered links are the emulator tests'.)
/// </summary>
public sealed class DownloadLinkTests(InProcessEmulator fixture, ITestOutputHelper output) : IClassFixture<InProcessEmulator>
{
    [Fact]
    public async Task A_link_pointed_at_another_customers_file_is_refused()
    {
        using var alice = fixture.Client(await fixture.NewMerchantAsync());
        using var bob = fixture.Client(await fixture.NewMerchantAsync());
        var (aliceId, aliceFile) = await CustomerWithFileAsync(alice, "%PDF-1.4 alice"u8.ToArray());
        var (bobId, bobFile) = await CustomerWithFileAsync(bob, "%PDF-1.4 bob"u8.ToArray());
        using var http = new HttpClient();

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(aliceFile.Url)).StatusCode);
        var link = aliceFile.Url!.ToString();
        var forged = new[]
        {
            link.Replace(aliceFile.Id!, bobFile.Id!, StringComparison.Ordinal),                          // Bob's file under Alice's signature
            link.Replace(aliceId, bobId, StringComparison.Ordinal),                                       // Alice's file claimed for Bob
            link.Replace(aliceFile.Id!, bobFile.Id!, StringComparison.Ordinal).Replace(aliceId, bobId, StringComparison.Ordinal),
            Regex.Replace(link, "signature=[0-9a-f]+", "signature=" + bobFile.Url!.Query.Split("signature=")[1]),
        };
        foreach (var url in forged)
        {
            using var response = await http.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
            Assert.DoesNotContain("bob", body, StringComparison.Ordinal);
            Assert.DoesNotContain("alice", body, StringComparison.Ordinal);
        }

        output.WriteLine($"{forged.Length} forged links refused");
    }

    [Fact]
    public async Task Hostile_file_names_sent_through_the_sdk_are_stored_as_plain_names_and_download_intact()
    {
        using var client = fixture.Client(await fixture.NewMerchantAsync());
        var id = (await client.Customers.CreateAsync(new CreateCustomerRequest { Email = $"names.{Guid.NewGuid():N}@example.com" })).EnsureOk().Data.Id!;
        using var http = new HttpClient();
        var names = new[]
        {
            "../../../../etc/passwd.pdf",
            "..\\..\\windows\\system32\\config.pdf",
            "/etc/shadow.pdf",
            "C:\\Users\\victim\\secret.pdf",
            "nul\0byte.pdf",
            new string('a', 10_000) + ".pdf",
            "..",
            "line\r\nbreak.pdf",
            "quote\"semi;colon.pdf",
            "right\u202Eto-left.pdf",
        };

        foreach (var name in names)
        {
            var content = "%PDF-1.4 "u8.ToArray().Concat(RandomNumberGenerator.GetBytes(64)).ToArray();
            var result = await client.Customers.UploadFilesAsync(id, [new CustomerFileUpload(name, new MemoryStream(content)) { ContentType = "application/pdf" }]);
            var shown = name.Length > 40 ? name[..40] + "…" : name;
            if (!result.Ok)
            {
                // A name the SDK cannot put in a header is refused before sending, as a validation error; one the server
                // cannot take is a 400 envelope. Either way nothing is stored and nothing throws.
                Assert.True(result.Error is ValidationError or ApiError { Status: 400 }, result.Error!.ToString());
                output.WriteLine($"{Escape(shown)}: refused by the {(result.Error is ValidationError ? "SDK" : "emulator")}: {result.Error.Message} {((result.Error as ApiError)?.FailureReasons is { Count: > 0 } reasons ? reasons[0].Message : "")}");
                continue;
            }

            var stored = Assert.Single(result.Value.Data);
            Assert.False(string.IsNullOrEmpty(stored.Name));
            Assert.True(stored.Name!.Length <= 255, $"{stored.Name.Length} characters");
            Assert.DoesNotContain('/', stored.Name);
            Assert.DoesNotContain('\\', stored.Name);
            Assert.DoesNotContain(stored.Name, c => char.IsControl(c));
            Assert.NotEqual("..", stored.Name);
            using var download = await http.GetAsync(stored.Url);
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
            var disposition = download.Content.Headers.ContentDisposition!;
            Assert.Equal("attachment", disposition.DispositionType);
            output.WriteLine($"{Escape(shown)} -> stored as '{Escape(stored.Name.Length > 40 ? stored.Name[..40] + "…" : stored.Name)}' ({stored.Name.Length} chars)");
        }
    }

    private static string Escape(string text) => string.Concat(text.Select(c => char.IsControl(c) || c == '\u202E' ? $"\\u{(int)c:x4}" : c.ToString()));

    private static async Task<(string CustomerId, CustomerFile File)> CustomerWithFileAsync(OakClient client, byte[] content)
    {
        var id = (await client.Customers.CreateAsync(new CreateCustomerRequest { Email = $"links.{Guid.NewGuid():N}@example.com" })).EnsureOk().Data.Id!;
        var file = Assert.Single((await client.Customers.UploadFilesAsync(id, [new CustomerFileUpload("doc.pdf", new MemoryStream(content))])).EnsureOk().Data);
        return (id, file);
    }
}
