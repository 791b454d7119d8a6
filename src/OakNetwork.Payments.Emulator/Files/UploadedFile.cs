namespace OakNetwork.Payments.Emulator.Files;

/// <summary>A validated upload: sanitized name, sniffed content type and the bytes.</summary>
internal sealed record UploadedFile(string Name, string ContentType, byte[] Content);
