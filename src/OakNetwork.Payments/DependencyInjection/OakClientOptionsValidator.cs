using Microsoft.Extensions.Options;

namespace OakNetwork.Payments;

/// <summary>
/// Validates <see cref="OakClientOptions"/> at start-up (<c>ValidateOnStart</c>) and on first use, with one
/// message per problem naming the setting as it was configured: <c>OakPayments:ClientSecret is required.</c>
/// </summary>
internal sealed class OakClientOptionsValidator : IValidateOptions<OakClientOptions>
{
    public ValidateOptionsResult Validate(string? name, OakClientOptions options)
    {
        if (options is null)
        {
            return ValidateOptionsResult.Fail("The Oak client options are missing.");
        }

        var failures = new List<string>();
        if (options.BindingErrors is { } bindingErrors)
        {
            failures.AddRange(bindingErrors);
        }

        foreach (var (setting, problem) in OakClientOptionsRules.Problems(options))
        {
            // A value that could not be read was reported above; its default may look wrong too: say it once.
            var named = options.ConfigurationPath is { } path ? Join(path, setting.Replace('.', ':')) : "OakClientOptions." + setting;
            if (failures.Any(f => f.StartsWith(named + " ", StringComparison.Ordinal)))
            {
                continue;
            }

            failures.Add(options.ConfigurationPath is not null || string.IsNullOrEmpty(name)
                ? $"{named} {problem}."
                : $"{named} {problem} (Oak client '{name}').");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static string Join(string path, string key) => path.Length == 0 ? key : path + ":" + key;
}
