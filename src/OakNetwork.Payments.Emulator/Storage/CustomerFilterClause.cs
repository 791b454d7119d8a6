using System.Text;

namespace OakNetwork.Payments.Emulator.Storage;

/// <summary>How a store writes one "column is one of these values" condition and binds its parameters.</summary>
internal interface ICustomerFilterWriter
{
    /// <summary>Appends " AND column ..." for <paramref name="values"/> to <paramref name="where"/>, or nothing when they are null.</summary>
    void AppendIn(StringBuilder where, string column, string name, IReadOnlyList<string>? values);
}

/// <summary>Builds the filter conditions of a customer list query; each store supplies its own parameter syntax.</summary>
internal static class CustomerFilterClause
{
    /// <summary>Appends the query's filters, after the merchant condition already in <paramref name="where"/>.</summary>
    public static void Append<TWriter>(StringBuilder where, CustomerQuery query, TWriter writer)
        where TWriter : struct, ICustomerFilterWriter
    {
        writer.AppendIn(where, "c.email_lower", "e", query.Emails);
        writer.AppendIn(where, "c.country_code", "cc", query.CountryCodes);
        writer.AppendIn(where, "c.document_type", "dt", query.DocumentTypes);
        if (query.Providers is not null || query.RegistrationStatuses is not null || query.TargetRoles is not null)
        {
            // One and the same registration must satisfy every registration filter.
            var inner = new StringBuilder("r.customer_id = c.id");
            writer.AppendIn(inner, "r.provider", "p", query.Providers);
            writer.AppendIn(inner, "r.status", "rs", query.RegistrationStatuses);
            writer.AppendIn(inner, "r.target_role", "tr", query.TargetRoles);
            where.Append(" AND EXISTS (SELECT 1 FROM registrations r WHERE ").Append(inner).Append(')');
        }
    }
}
