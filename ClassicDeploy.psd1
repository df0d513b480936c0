@{
    RootModule           = 'ClassicDeploy.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '6f1c3c2e-9a57-4d0b-8f6e-2b7f4b8d1a90'
    Author               = 'ClassicDeploy contributors'
    CompanyName          = 'ClassicDeploy'
    Copyright            = '(c) ClassicDeploy contributors. MIT License.'
    Description          = 'Rolling updates of Azure Cloud Services (classic) deployments through the Service Management REST API, with a local emulator of that API.'
    CompatiblePSEditions = @('Desktop', 'Core')
    PowerShellVersion    = '5.1'
    FormatsToProcess     = @('ClassicDeploy.Format.ps1xml')
    CmdletsToExport      = @(
        'Connect-ClassicDeploy'
        'Get-ClassicDeployContext'
        'Disconnect-ClassicDeploy'
        'Get-CloudService'
        'New-CloudService'
        'Get-Deployment'
        'New-Deployment'
        'Remove-Deployment'
        'Invoke-UpgradeDeployment'
        'Step-UpgradeDomain'
        'Set-DeploymentConfiguration'
        'Switch-DeploymentSlot'
        'Undo-DeploymentUpgrade'
        'Get-DeploymentOperation'
        'Wait-DeploymentOperation'
        'Start-ClassicDeployEmulator'
        'Stop-ClassicDeployEmulator'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Azure', 'CloudServices', 'Classic', 'ServiceManagement', 'RollingUpgrade', 'Deployment', 'Emulator')
            ProjectUri   = 'https://github.com/classicdeploy/ClassicDeploy'
            LicenseUri   = 'https://github.com/classicdeploy/ClassicDeploy/blob/main/LICENSE'
            ReleaseNotes = 'First release: cmdlets for rolling upgrades of classic cloud services and a local Service Management emulator.'
        }
    }
}
