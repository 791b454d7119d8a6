namespace OakNetwork.Payments.Emulator.Json;

/// <summary>The success envelope: <c>{msg, data}</c>.</summary>
/// <typeparam name="T">The payload type.</typeparam>
internal sealed record SuccessEnvelope<T>(string Msg, T Data);
