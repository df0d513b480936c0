@{
    RootModule = 'ClassicDeploy.dll'
    ModuleVersion = '0.1.0'
    GUID = '6f1c3c2e-9a57-4d0b-8f6e-2b7f4b8d1a90'
    CmdletsToExport = '*'
    FunctionsToExport = @()
}
