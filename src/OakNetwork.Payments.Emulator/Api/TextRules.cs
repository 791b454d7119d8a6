using System.Text.RegularExpressions;

namespace OakNetwork.Payments.Emulator.Api;

/// <summary>Rules shared by every text input: length, control characters, email shape.</summary>
internal static partial class TextRules
{
    public const int MaxLength = 255;

    /// <summary>True when the text has a control character, a line/paragraph separator or a lone surrogate.</summary>
    public static bool HasControlCharacters(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFFFE' or '\uFFFF')
            {
                return true;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                {
                    return true;
                }

                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsEmail(string value) => value.Length <= MaxLength && EmailPattern().IsMatch(value);

    // A pragmatic address shape: local part and domain without spaces, quotes, angle brackets or separators,
    // a dot in the domain. Stricter than RFC 5322 on purpose: it is what real providers accept.
    [GeneratedRegex(@"^[A-Za-z0-9.!#$%&*+/=?^_`{|}~\-]+@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)+$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex EmailPattern();
}
