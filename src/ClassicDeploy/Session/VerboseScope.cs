using System;
using System.Threading;

namespace ClassicDeploy.Session;

/// <summary>
/// Where the verbose lines of a context's shared client go: to whatever the current async flow
/// opened. The cmdlet base opens a scope around each core it runs, so a request's lines reach
/// the cmdlet that made it, even when several cmdlets share one context at once.
/// </summary>
internal static class VerboseScope
{
    private static readonly AsyncLocal<Action<string>?> Current = new AsyncLocal<Action<string>?>();

    /// <summary>True when the current scope has somewhere to write (so a caller may skip composing a line).</summary>
    public static bool Listening => Current.Value != null;

    /// <summary>Sends this flow's verbose lines to <paramref name="write"/> (nowhere when null) until the scope is disposed.</summary>
    public static IDisposable Open(Action<string>? write)
    {
        var scope = new Scope(Current.Value);
        Current.Value = write;
        return scope;
    }

    /// <summary>Writes a line to the current scope's target, or nowhere outside a scope.</summary>
    public static void Write(string message) => Current.Value?.Invoke(message);

    private sealed class Scope : IDisposable
    {
        private readonly Action<string>? _previous;

        public Scope(Action<string>? previous) => _previous = previous;

        public void Dispose() => Current.Value = _previous;
    }
}
