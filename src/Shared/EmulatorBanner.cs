namespace ClassicDeploy;

/// <summary>
/// The emulator's first line on stdout is this prefix and its base address. One source file,
/// compiled into both the emulator and the module (which starts the emulator and waits for it).
/// </summary>
internal static class EmulatorBanner
{
    public const string Prefix = "ClassicDeploy emulator listening on ";
}
