using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace ClassicDeploy.Emulator.CommandLine;

/// <summary>
/// One command-line flag: its option (name, value name, help, parsing and validation, all done by the
/// library) and what its value does to the <see cref="EmulatorCommandLine"/>. A flag not given leaves the defaults.
/// </summary>
internal abstract class Flag
{
    public abstract Option Option { get; }

    public abstract void Apply(ParseResult result, EmulatorCommandLine target);

    /// <summary>A flag without a value: <c>--quiet</c>.</summary>
    public static Flag Switch(string name, string help, Action<EmulatorCommandLine> apply) =>
        new Flag<bool>(new Option<bool>(name) { Description = help, Arity = ArgumentArity.Zero }, (t, on) =>
        {
            if (on)
            {
                apply(t);
            }
        });

    public static Flag Text(string name, string valueName, string help, Action<EmulatorCommandLine, string> apply) =>
        Parsed(name, valueName, help, text => text, apply);

    public static Flag Int(string name, string valueName, string help, int min, int max, Action<EmulatorCommandLine, int> apply) =>
        Parsed(name, valueName, help, text =>
            int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
                ? value
                : throw new FormatException($"{name} takes a whole number from {min} to {max}."), apply);

    public static Flag Number(string name, string valueName, string help, double min, double max, Action<EmulatorCommandLine, double> apply) =>
        Parsed(name, valueName, help, text =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
                ? value
                : throw new FormatException($"{name} takes a number from {min} to {max}."), apply);

    /// <summary>A comma-separated list (<c>--fault-kinds 503,reset</c>), each item parsed by <paramref name="parse"/>.</summary>
    public static Flag List<T>(string name, string valueName, string help, Func<string, T> parse, Action<EmulatorCommandLine, IReadOnlyList<T>> apply) =>
        Parsed<IReadOnlyList<T>>(name, valueName, help, text =>
        {
            var items = new List<T>();
            foreach (var item in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                items.Add(parse(item));
            }

            return items;
        }, apply);

    /// <summary>A repeatable <c>KEY=VALUE</c> flag (<c>--management-certificate SUB=PATH</c>), applied once per occurrence in order.</summary>
    public static Flag Pairs(string name, string valueName, string help, Action<EmulatorCommandLine, string, string> apply)
    {
        var option = new Option<string[]>(name)
        {
            Description = help,
            HelpName = valueName,
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (Split(token.Value) is null)
                {
                    result.AddError($"{name} takes {valueName}.");
                }
            }
        });
        return new Flag<string[]>(option, (t, values) =>
        {
            foreach (var value in values)
            {
                var (key, rest) = Split(value)!.Value;
                apply(t, key, rest);
            }
        });
    }

    /// <summary>A repeatable flag whose every value <paramref name="parse"/> reads (throwing FormatException or ArgumentException with the user's message); applied in order.</summary>
    public static Flag Many<T>(string name, string valueName, string help, Func<string, T> parse, Action<EmulatorCommandLine, T> apply)
    {
        var option = new Option<T[]>(name)
        {
            Description = help,
            HelpName = valueName,
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
            CustomParser = result =>
            {
                var values = new List<T>();
                foreach (var token in result.Tokens)
                {
                    try
                    {
                        values.Add(parse(token.Value));
                    }
                    catch (Exception e) when (e is FormatException or ArgumentException)
                    {
                        result.AddError(e.Message);
                    }
                }

                return values.ToArray();
            },
        };
        return new Flag<T[]>(option, (t, values) =>
        {
            foreach (var value in values)
            {
                apply(t, value);
            }
        });
    }

    /// <summary>
    /// A flag with one value; <paramref name="parse"/> throws <see cref="FormatException"/> (or
    /// <see cref="ArgumentException"/>) with the message the user sees, which becomes a parse error.
    /// </summary>
    public static Flag Parsed<T>(string name, string valueName, string help, Func<string, T> parse, Action<EmulatorCommandLine, T> apply)
    {
        var option = new Option<T>(name)
        {
            Description = help,
            HelpName = valueName,
            Arity = ArgumentArity.ExactlyOne,
            CustomParser = result =>
            {
                try
                {
                    return parse(result.Tokens[0].Value);
                }
                catch (Exception e) when (e is FormatException or ArgumentException)
                {
                    result.AddError(e.Message);
                    return default!;
                }
            },
        };
        return new Flag<T>(option, apply);
    }

    private static (string Key, string Value)? Split(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        return equals <= 0 || equals == text.Length - 1 ? null : (text.Substring(0, equals), text.Substring(equals + 1));
    }
}

internal sealed class Flag<T> : Flag
{
    private readonly Option<T> _option;
    private readonly Action<EmulatorCommandLine, T> _apply;

    public Flag(Option<T> option, Action<EmulatorCommandLine, T> apply)
    {
        _option = option;
        _apply = apply;
    }

    public override Option Option => _option;

    public override void Apply(ParseResult result, EmulatorCommandLine target)
    {
        if (result.GetResult(_option) is { Implicit: false })
        {
            _apply(target, result.GetValue(_option)!);
        }
    }
}
