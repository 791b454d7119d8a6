namespace OakNetwork.Payments.Emulator.Customers;

/// <summary>The validation rule family of a writable customer field.</summary>
internal enum CustomerFieldKind
{
    Text,
    Email,
    Choice,
    Date,
    PhoneCountryCode,
    Digits,
    CountryCode,
    NonNegativeInteger,
    Object,
}
