using System.Globalization;
using System.Text;

namespace OakNetwork.Payments;

/// <summary>Builds a query string in a fixed order, skipping unset values and escaping the set ones.</summary>
internal sealed class QueryBuilder
{
    private readonly StringBuilder _text = new();

    public QueryBuilder Add(string name, string? value)
    {
        if (value is null)
        {
            return this;
        }

        _text.Append(_text.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        return this;
    }

    public QueryBuilder Add(string name, int? value)
        => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public QueryBuilder Add(string name, bool? value)
        => Add(name, value is null ? null : value.Value ? "true" : "false");

    public override string ToString() => _text.ToString();
}
