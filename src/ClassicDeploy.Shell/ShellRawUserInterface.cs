using System;
using System.Management.Automation.Host;

namespace ClassicDeploy.Shell;

/// <summary>Raw console facts for the formatter; fixed sizes when output is not a terminal.</summary>
public sealed class ShellRawUserInterface : PSHostRawUserInterface
{
    private const int DefaultWidth = 120;
    private const int DefaultHeight = 50;
    private readonly bool isTerminal;
    private string windowTitle = "ClassicDeploy";

    public ShellRawUserInterface(bool isTerminal) => this.isTerminal = isTerminal;

    public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;

    public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;

    public override Coordinates CursorPosition { get; set; }

    public override Coordinates WindowPosition { get; set; }

    public override int CursorSize { get; set; } = 25;

    public override Size BufferSize
    {
        get => new Size(Width, 9001);
        set { }
    }

    public override Size WindowSize
    {
        get => new Size(Width, Height);
        set { }
    }

    public override Size MaxWindowSize => WindowSize;

    public override Size MaxPhysicalWindowSize => WindowSize;

    public override bool KeyAvailable => isTerminal && !Console.IsInputRedirected && Console.KeyAvailable;

    public override string WindowTitle
    {
        get => windowTitle;
        set => windowTitle = value;
    }

    /// <summary>Columns of the terminal, or 120 for logs and pipes.</summary>
    public int Width => isTerminal ? Safe(() => Console.WindowWidth, DefaultWidth) : DefaultWidth;

    private int Height => isTerminal ? Safe(() => Console.WindowHeight, DefaultHeight) : DefaultHeight;

    public override void FlushInputBuffer()
    {
    }

    public override BufferCell[,] GetBufferContents(Rectangle rectangle) =>
        throw new NotSupportedException("ClassicDeploy.Shell does not read the screen buffer.");

    public override KeyInfo ReadKey(ReadKeyOptions options)
    {
        ConsoleKeyInfo key = Console.ReadKey((options & ReadKeyOptions.NoEcho) != 0);
        return new KeyInfo((int)key.Key, key.KeyChar, ControlKeyStates.NumLockOn, keyDown: true);
    }

    public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) =>
        throw new NotSupportedException("ClassicDeploy.Shell does not scroll the screen buffer.");

    public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) =>
        throw new NotSupportedException("ClassicDeploy.Shell does not write the screen buffer.");

    public override void SetBufferContents(Rectangle rectangle, BufferCell fill) =>
        throw new NotSupportedException("ClassicDeploy.Shell does not write the screen buffer.");

    private static int Safe(Func<int> read, int fallback)
    {
        try
        {
            int value = read();
            return value > 0 ? value : fallback;
        }
        catch (System.IO.IOException)
        {
            return fallback;
        }
        catch (PlatformNotSupportedException)
        {
            return fallback;
        }
    }
}
