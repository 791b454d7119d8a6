using System.Net.Http.Headers;
using System.Text;

namespace OakNetwork.Payments.Emulator.Tests.Infrastructure;

/// <summary>Small files with real magic bytes, and multipart builders.</summary>
public static class SampleFiles
{
    public static byte[] Pdf => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

    public static byte[] Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3];

    public static byte[] Jpeg => [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46, 0x49, 0x46, 0, 1];

    public static byte[] Text => Encoding.ASCII.GetBytes("just some text, not a document");

    public static MultipartFormDataContent Form(params (string Name, byte[] Content, string DeclaredType)[] files) => Form(null, files);

    public static MultipartFormDataContent Form(string? fileType, params (string Name, byte[] Content, string DeclaredType)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, content, declared) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue(declared);
            form.Add(part, "file", name);
        }

        if (fileType is not null)
        {
            form.Add(new StringContent(fileType), "file_type");
        }

        return form;
    }
}
