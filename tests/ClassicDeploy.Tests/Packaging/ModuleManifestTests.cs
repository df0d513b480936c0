using System;
using System.Collections;
using System.Collections.ObjectModel;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using ClassicDeploy.Tests.Infrastructure;
using Xunit;

namespace ClassicDeploy.Tests.Packaging;

/// <summary>The laid-out module folder out/ClassicDeploy as a user imports it.</summary>
public sealed class ModuleManifestTests
{
    private static readonly string[] ExpectedCmdlets =
    {
        "Connect-ClassicDeploy", "Get-ClassicDeployContext", "Disconnect-ClassicDeploy", "Get-CloudService", "New-CloudService", "Get-Deployment", "New-Deployment",
        "Remove-Deployment", "Invoke-UpgradeDeployment", "Step-UpgradeDomain", "Set-DeploymentConfiguration",
        "Switch-DeploymentSlot", "Undo-DeploymentUpgrade", "Get-DeploymentOperation", "Wait-DeploymentOperation",
        "Start-ClassicDeployEmulator", "Stop-ClassicDeployEmulator",
    };

    private static string ModuleFolder => Path.GetDirectoryName(TestRepository.ModuleManifest)!;

    [Fact]
    public void Test_ModuleManifest_accepts_the_laid_out_manifest()
    {
        Collection<PSObject> output = Run("Test-ModuleManifest -Path $args[0]", TestRepository.ModuleManifest, out PSDataCollection<ErrorRecord> errors);

        Assert.Empty(errors);
        var module = (PSModuleInfo)Assert.Single(output).BaseObject;
        Assert.Equal(new Version(0, 1, 0), module.Version);
        Assert.Equal(Guid.Parse("6f1c3c2e-9a57-4d0b-8f6e-2b7f4b8d1a90"), module.Guid);
        Assert.Equal(new[] { "Core", "Desktop" }, module.CompatiblePSEditions.OrderBy(e => e, StringComparer.Ordinal));
        Assert.Equal(new Version(5, 1), module.PowerShellVersion);
        Assert.Equal(ExpectedCmdlets.OrderBy(c => c), module.ExportedCmdlets.Keys.OrderBy(c => c));
        Assert.Empty(module.ExportedFunctions);
        Assert.Empty(module.ExportedAliases);
        Assert.Empty(module.ExportedVariables);
        Assert.Equal(new[] { "ClassicDeploy.Format.ps1xml" }, module.ExportedFormatFiles.Select(Path.GetFileName));
        var psData = (Hashtable)((Hashtable)module.PrivateData)["PSData"]!;
        Assert.NotNull(psData["ProjectUri"]);
        Assert.NotNull(psData["LicenseUri"]);
        Assert.NotEmpty((object[])psData["Tags"]!);
    }

    [Fact]
    public void Importing_the_folder_in_a_fresh_runspace_exports_exactly_the_manifest_cmdlets()
    {
        Collection<PSObject> output = Run(
            "Import-Module $args[0] -ErrorAction Stop; Get-Command -Module ClassicDeploy | ForEach-Object { '{0}|{1}' -f $_.CommandType, $_.Name }",
            ModuleFolder, out PSDataCollection<ErrorRecord> errors);

        Assert.Empty(errors);
        Assert.Equal(ExpectedCmdlets.Select(c => "Cmdlet|" + c).OrderBy(c => c), output.Select(o => o.ToString()).OrderBy(c => c));
    }

    [Fact]
    public void The_manifest_in_the_module_folder_is_the_repository_manifest()
    {
        Assert.Equal(
            File.ReadAllText(Path.Combine(TestRepository.Root, "ClassicDeploy.psd1")),
            File.ReadAllText(TestRepository.ModuleManifest));
    }

    [Fact]
    public void The_module_folder_has_formats_license_and_the_emulator_but_no_System_Management_Automation()
    {
        Assert.True(File.Exists(Path.Combine(ModuleFolder, "ClassicDeploy.Format.ps1xml")));
        Assert.True(File.Exists(Path.Combine(ModuleFolder, "LICENSE")));
        Assert.True(File.Exists(Path.Combine(ModuleFolder, "emulator", "ClassicDeploy.Emulator.dll")));
        Assert.True(File.Exists(Path.Combine(ModuleFolder, "emulator", "ClassicDeploy.Emulator.runtimeconfig.json")));
        Assert.Empty(Directory.GetFiles(ModuleFolder, "System.Management.Automation.dll", SearchOption.AllDirectories));
    }

    private static Collection<PSObject> Run(string script, string argument, out PSDataCollection<ErrorRecord> errors)
    {
        using Runspace runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        runspace.Open();
        using PowerShell ps = PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddScript(script).AddArgument(argument);
        Collection<PSObject> output = ps.Invoke();
        errors = ps.Streams.Error;
        return output;
    }
}
