using System.Text.Json;
using System.Text.Json.Serialization;

namespace OakNetwork.Payments;

/// <summary>
/// Writes an <see cref="UpdateCustomerRequest"/> with exactly the fields that were set (explicit nulls included),
/// without reflection. Reading is supported for symmetry (tests, fakes): every property present is set.
/// </summary>
internal sealed class UpdateCustomerRequestConverter : JsonConverter<UpdateCustomerRequest>
{
    public override UpdateCustomerRequest Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("Expected a JSON object for an update request.");
        }

        var request = new UpdateCustomerRequest();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            var value = property.Value;
            var isNull = value.ValueKind == JsonValueKind.Null;
            switch (property.Name)
            {
                case "document_type":
                    request.DocumentType = isNull ? (DocumentType?)null : new DocumentType(value.ToString());
                    break;
                case "owner_document_type":
                    request.OwnerDocumentType = isNull ? (DocumentType?)null : new DocumentType(value.ToString());
                    break;
                case "monthly_net_income":
                    request.MonthlyNetIncome = isNull ? null : value.GetInt64();
                    break;
                case "additional_info":
                    request.AdditionalInfo = isNull ? null : value.Clone();
                    break;
                default:
                    if (Array.IndexOf(UpdateCustomerRequest.WireOrder, property.Name) >= 0)
                    {
                        SetString(request, property.Name, isNull ? null : value.ToString());
                    }

                    break;
            }
        }

        return request;
    }

    public override void Write(Utf8JsonWriter writer, UpdateCustomerRequest value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var name in UpdateCustomerRequest.WireOrder)
        {
            if (!value.IsSet(name))
            {
                continue;
            }

            switch (value.GetRaw(name))
            {
                case null:
                    writer.WriteNull(name);
                    break;
                case string text:
                    writer.WriteString(name, text);
                    break;
                case long number:
                    writer.WriteNumber(name, number);
                    break;
                case DocumentType documentType:
                    writer.WriteString(name, documentType.Value);
                    break;
                case JsonElement element:
                    writer.WritePropertyName(name);
                    element.WriteTo(writer);
                    break;
                default:
                    throw new JsonException($"Unexpected value type for '{name}'.");
            }
        }

        writer.WriteEndObject();
    }

    private static void SetString(UpdateCustomerRequest request, string wireName, string? text)
    {
        switch (wireName)
        {
            case "email": request.Email = text; break;
            case "first_name": request.FirstName = text; break;
            case "last_name": request.LastName = text; break;
            case "social_name": request.SocialName = text; break;
            case "document_number": request.DocumentNumber = text; break;
            case "tax_id": request.TaxId = text; break;
            case "dob": request.Dob = text; break;
            case "gender": request.Gender = text; break;
            case "phone_country_code": request.PhoneCountryCode = text; break;
            case "phone_area_code": request.PhoneAreaCode = text; break;
            case "phone_number": request.PhoneNumber = text; break;
            case "country_code": request.CountryCode = text; break;
            case "subdivision": request.Subdivision = text; break;
            case "state": request.State = text; break;
            case "city": request.City = text; break;
            case "neighborhood": request.Neighborhood = text; break;
            case "street_name": request.StreetName = text; break;
            case "street_number": request.StreetNumber = text; break;
            case "house_number": request.HouseNumber = text; break;
            case "postal_code": request.PostalCode = text; break;
            case "mother_name": request.MotherName = text; break;
            case "company_name": request.CompanyName = text; break;
            case "company_start_date": request.CompanyStartDate = text; break;
            case "owner_legal_name": request.OwnerLegalName = text; break;
            case "owner_document_number": request.OwnerDocumentNumber = text; break;
            case "customer_wallet": request.CustomerWallet = text; break;
            case "trading_wallet": request.TradingWallet = text; break;
            case "account_type": request.AccountType = text; break;
        }
    }
}
