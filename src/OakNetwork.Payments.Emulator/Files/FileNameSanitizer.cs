using System.Text;
using OakNetwork.Payments.Emulator.Api;

namespace OakNetwork.Payments.Emulator.Files;

/// <summary>
/// Keeps the client's file name minus any directory part (both <c>/</c> and <c>\</c>), without control characters
/// (NUL included), at most 255 characters; an empty result, <c>.</c> or <c>..</c> becomes <c>file</c>.
/// </summary>
internal static class FileNameSanitizer
{
    public static string Sanitize(string? raw)
    {
        var name = raw ?? "";
        var cut = name.LastIndexOfAny(['/', '\\']);
        if (cut >= 0)
        {
            name = name[(cut + 1)..];
        }

        var clean = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (!char.IsControl(c) && !char.IsSurrogate(c) && c is not ('\u2028' or '\u2029'))
            {
                clean.Append(c);
            }
        }

        name = clean.ToString().Trim();
        if (name.Length > TextRules.MaxLength)
        {
            name = name[..TextRules.MaxLength];
        }

        return name is "" or "." or ".." ? "file" : name;
    }
}
