namespace OakNetwork.Payments.Emulator.Files;

/// <summary>Judges a file by its first bytes, not by what the client declared: PDF, JPEG or PNG, else null.</summary>
internal static class FileSniffer
{
    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static string? ContentType(ReadOnlySpan<byte> content) =>
        content.StartsWith(Pdf) ? "application/pdf"
        : content.StartsWith(Png) ? "image/png"
        : content.StartsWith(Jpeg) ? "image/jpeg"
        : null;
}
