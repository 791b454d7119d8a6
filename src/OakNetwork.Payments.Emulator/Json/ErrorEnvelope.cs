using System.Text.Json;

namespace OakNetwork.Payments.Emulator.Json;

/// <summary>The error envelope: <c>{msg, data: null, error_code, failure_reasons}</c>.</summary>
internal sealed record ErrorEnvelope(string Msg, JsonElement? Data, string ErrorCode, IReadOnlyList<FailureReason> FailureReasons);
