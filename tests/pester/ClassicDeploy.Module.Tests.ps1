#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

BeforeAll {
    $script:ModulePath = Join-Path $PSScriptRoot '../../out/ClassicDeploy/ClassicDeploy.psd1'
    $script:Manifest = Import-PowerShellDataFile -Path $script:ModulePath
    Import-Module $script:ModulePath -Force
}

AfterAll {
    Remove-Module ClassicDeploy -ErrorAction Ignore
}

Describe 'ClassicDeploy module' {
    It 'has a valid manifest' {
        { Test-ModuleManifest -Path $script:ModulePath -ErrorAction Stop } | Should -Not -Throw
    }

    It 'carries what a gallery shows: project and license links, tags and release notes' {
        $module = Test-ModuleManifest -Path $script:ModulePath -ErrorAction Stop

        $module.ProjectUri.Scheme | Should -Be 'https'
        $module.LicenseUri.Scheme | Should -Be 'https'
        $module.LicenseUri.AbsolutePath | Should -BeLike '*LICENSE'
        $module.Tags | Should -Contain 'CloudServices'
        $module.Tags.Count | Should -BeGreaterThan 3
        $module.ReleaseNotes | Should -Not -BeNullOrEmpty
        $module.Description | Should -Not -BeNullOrEmpty
    }

    It 'exports exactly the cmdlets its manifest lists' {
        $exported = (Get-Command -Module ClassicDeploy -CommandType Cmdlet).Name | Sort-Object
        $exported | Should -Be ($script:Manifest.CmdletsToExport | Sort-Object)
    }

    It 'exports no functions, aliases or variables' {
        Get-Command -Module ClassicDeploy -CommandType Function, Alias | Should -BeNullOrEmpty
    }

    It 'keeps its dependencies out of the module root' {
        $root = Split-Path $script:ModulePath
        Get-ChildItem $root -Filter *.dll | ForEach-Object Name | Should -Be 'ClassicDeploy.dll'
        Join-Path $root 'dependencies/Polly.Core.dll' | Should -Exist
    }
}
