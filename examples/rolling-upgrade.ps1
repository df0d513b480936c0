<#
.SYNOPSIS
    The rolling upgrade of a classic cloud service, end to end, domain by domain.

.DESCRIPTION
    Creates a cloud service with a production and a staging deployment, upgrades production by
    hand one upgrade domain at a time with a health check after each domain, changes its
    configuration, swaps staging into production, and finally starts an upgrade whose post-check
    fails and rolls it back with Undo-DeploymentUpgrade.

    It expects a connected session. build.ps1 runs it as the demo (builds the module, imports it in
    pwsh, starts the embedded emulator):

        dotnet tool restore && dotnet pwsh ./build.ps1 -Task Demo

    or by hand in pwsh / Windows PowerShell after building (dotnet build src/ClassicDeploy):

        Import-Module ./out/ClassicDeploy/ClassicDeploy.psd1
        Start-ClassicDeployEmulator -UpgradeDomainSeconds 0.5
        ./examples/rolling-upgrade.ps1
        Stop-ClassicDeployEmulator

    Against a real subscription, connect with Connect-ClassicDeploy and pass real -PackageUrl values.
    It uses only Microsoft.PowerShell.Core commands and the module's, so it runs in any host. Tables
    go straight to the host (Out-Host) so that each step gets its own view; the narration is output.

.PARAMETER ServiceName
    The cloud service to create; a new unique name by default.
#>
[CmdletBinding()]
param(
    [string] $ServiceName = 'contoso-' + [guid]::NewGuid().ToString('N').Substring(0, 6),
    [string] $Location = 'West Europe',
    [string] $PackageUrl = 'https://contoso.blob.core.windows.net/packages/contoso-web-{0}.cspkg?sv=2017-04-17&sr=b&sig=demo'
)

$ErrorActionPreference = 'Stop'

function New-ServiceConfiguration {
    # The .cscfg of every release: two roles, five web instances (five upgrade domains), a release setting.
    param([string] $Release, [string] $FeatureFlags = 'none')
    @"
<?xml version="1.0" encoding="utf-8"?>
<ServiceConfiguration serviceName="contoso-web" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration" osFamily="6" osVersion="*">
  <Role name="WebRole1">
    <Instances count="5" />
    <ConfigurationSettings>
      <Setting name="Release" value="$Release" />
      <Setting name="FeatureFlags" value="$FeatureFlags" />
    </ConfigurationSettings>
  </Role>
  <Role name="WorkerRole1">
    <Instances count="2" />
    <ConfigurationSettings>
      <Setting name="Release" value="$Release" />
      <Setting name="FeatureFlags" value="$FeatureFlags" />
    </ConfigurationSettings>
  </Role>
</ServiceConfiguration>
"@
}

function Test-UpgradeDomain {
    # The post-check after each upgrade domain. A real runbook probes the service here, for example
    # Invoke-WebRequest against a health endpoint; the demo checks what the emulator models (every
    # instance of the domain is ReadyRole) and plays the smoke test's verdict on the new release:
    # release v4 carries a bug that the smoke test catches.
    param($Deployment, [int] $Domain, [string] $Release)
    $instances = @($Deployment.RoleInstances | Where-Object { $_.InstanceUpgradeDomain -eq $Domain })
    $notReady = @($instances | Where-Object { $_.InstanceStatus -ne 'ReadyRole' })
    if ($notReady.Count -gt 0) {
        return "instances not ready: $(($notReady | ForEach-Object { $_.InstanceName }) -join ', ')"
    }
    if ($Release -eq 'v4') {
        return 'smoke test failed: GET /health answered 500 on ' + $instances[0].InstanceName
    }
    return $null
}

function Wait-InstancesReady {
    # A walk's (or an update's) success is not readiness: the instances restart on the new release
    # afterwards. Waits until the instances of upgrade domain $Domain (every instance without -Domain)
    # are ReadyRole, or $Timeout (a real role's start timeout is minutes), and returns the deployment.
    param([string] $Slot, [Nullable[int]] $Domain, [timespan] $Timeout = [timespan]::FromMinutes(15))
    $deadline = [datetime]::UtcNow + $Timeout
    while ($true) {
        $deployment = Get-Deployment -ServiceName $ServiceName -Slot $Slot
        $pending = @($deployment.RoleInstances | Where-Object { ($null -eq $Domain -or $_.InstanceUpgradeDomain -eq $Domain) -and $_.InstanceStatus -ne 'ReadyRole' })
        if ($pending.Count -eq 0 -or [datetime]::UtcNow -ge $deadline) { return $deployment }
        Start-Sleep -Milliseconds 250
    }
}

function Invoke-ManualRollingUpgrade {
    # Walks every upgrade domain of the update in progress, one at a time, checking each one;
    # throws 'Post-check failed ...' as soon as a domain fails its check.
    param([string] $Slot, [string] $Release)
    $deployment = Get-Deployment -ServiceName $ServiceName -Slot $Slot
    while ($deployment.UpgradeStatus) {
        $domain = $deployment.UpgradeStatus.CurrentUpgradeDomain
        $names = @($deployment.RoleInstances | Where-Object { $_.InstanceUpgradeDomain -eq $domain } | ForEach-Object { $_.InstanceName })
        "Walking upgrade domain $($domain + 1) of $($deployment.UpgradeDomainCount) ($($names -join ', '))..."
        $walk = $deployment | Step-UpgradeDomain -Wait
        $deployment = Wait-InstancesReady -Slot $Slot -Domain $domain
        $problem = Test-UpgradeDomain -Deployment $deployment -Domain $domain -Release $Release
        if ($problem) {
            throw "Post-check failed after upgrade domain $($domain + 1): $problem"
        }
        '  upgrade domain {0} of {1} done in {2:0.0}s, post-check passed' -f ($domain + 1), $deployment.UpgradeDomainCount, ($walk.EndTime - $walk.StartTime).TotalSeconds
    }
}

"== 1. Create the cloud service $ServiceName"
New-CloudService -ServiceName $ServiceName -Location $Location -Label 'Contoso web front end' | Out-Null

"== 2. Deploy release v1 to production and to staging"
@(
    New-Deployment -ServiceName $ServiceName -Slot Production -DeploymentName web-blue -Label v1 `
        -Package ($PackageUrl -f 'v1') -Configuration (New-ServiceConfiguration -Release v1) -StartDeployment -Wait
    New-Deployment -ServiceName $ServiceName -Slot Staging -DeploymentName web-green -Label v1 `
        -Package ($PackageUrl -f 'v1') -Configuration (New-ServiceConfiguration -Release v1) -StartDeployment -Wait
) | Out-Host
Get-CloudService -ServiceName $ServiceName -IncludeDeployments | ForEach-Object { $_.Deployments } | Out-Host

"== 3. Manual rolling upgrade of production to v2, one upgrade domain at a time"
Get-Deployment -ServiceName $ServiceName -Slot Production |
    Invoke-UpgradeDeployment -Mode Manual -Package ($PackageUrl -f 'v2') -Configuration (New-ServiceConfiguration -Release v2) -Label v2 -Wait |
    Out-Null
'The upgrade waits before its first upgrade domain; a rollback is allowed from now until the last domain is done:'
Get-Deployment -ServiceName $ServiceName -Slot Production | Out-Host
Invoke-ManualRollingUpgrade -Slot Production -Release v2
Get-Deployment -ServiceName $ServiceName -Slot Production | Out-Host

"== 4. Configuration change of production (FeatureFlags=new-checkout), rolled automatically"
Set-DeploymentConfiguration -ServiceName $ServiceName -Slot Production -Mode Auto -Wait `
    -Configuration (New-ServiceConfiguration -Release v2 -FeatureFlags 'new-checkout') | Out-Host

"== 5. Upgrade staging to v3 (Step-UpgradeDomain -All walks every domain), then swap it into production"
Invoke-UpgradeDeployment -ServiceName $ServiceName -Slot Staging -Mode Manual -Package ($PackageUrl -f 'v3') `
    -Configuration (New-ServiceConfiguration -Release v3 -FeatureFlags 'new-checkout') -Label v3 -Wait | Out-Null
@(
    Get-Deployment -ServiceName $ServiceName -Slot Staging | Step-UpgradeDomain -All -Wait
    Switch-DeploymentSlot -ServiceName $ServiceName -Confirm:$false -Wait
) | Out-Host
Get-CloudService -ServiceName $ServiceName -IncludeDeployments | ForEach-Object { $_.Deployments } | Out-Host

"== 6. Upgrade production to v4; the post-check fails and the upgrade is rolled back"
Get-Deployment -ServiceName $ServiceName -Slot Production |
    Invoke-UpgradeDeployment -Mode Manual -Package ($PackageUrl -f 'v4') -Configuration (New-ServiceConfiguration -Release v4 -FeatureFlags 'new-checkout') -Label v4 -Wait |
    Out-Null
try {
    Invoke-ManualRollingUpgrade -Slot Production -Release v4
    throw 'The v4 post-check was expected to fail.'
}
catch {
    if ($_.Exception.Message -notlike 'Post-check failed*') { throw }
    $_.Exception.Message
    $production = Get-Deployment -ServiceName $ServiceName -Slot Production
    $production | Out-Host
    "Rolling back $($production.DeploymentName) to the previous release (RollbackAllowed: $($production.RollbackAllowed))"
    $production | Undo-DeploymentUpgrade -Mode Auto -Confirm:$false -Wait | Out-Host
}
$production = Wait-InstancesReady -Slot Production
if ($production.Label -ne 'v3' -or $production.UpgradeStatus) { throw "Production should be back on v3, but runs $($production.Label)." }

"== Done: production runs $($production.Label) on $($production.DeploymentName), all $($production.InstancesTotal) instances ready: $($production.InstancesReady -eq $production.InstancesTotal)"
$production | Out-Host
$production.RoleInstances | Out-Host
