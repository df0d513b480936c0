<#
.SYNOPSIS
    A monitored rolling upgrade: every upgrade domain gated on a health check, and a bad release
    stopped after its first domain and rolled back, without a loop in the runbook.

.DESCRIPTION
    Creates a cloud service with a production deployment of five upgrade domains, then:

    1. rolls release v2 through every domain with Invoke-UpgradeDeployment -Mode Manual -Wait and a
       health gate: each domain is walked only once the previous one's instances are ready and its
       health check has passed for -HealthCheckStable;
    2. hands release v3, which fails its health check, to the same gate in a pipeline
       (Invoke-UpgradeDeployment -Mode Manual | Step-UpgradeDomain -All): it is stopped after its
       first domain and rolled back by itself (-FailureAction Rollback), and the runbook gets one
       RolledBack result and one ClassicDeploy.HealthCheckFailed error naming the domain and reason.

    It expects a connected session. In pwsh (`dotnet tool restore`, then `dotnet pwsh`), after
    building (dotnet build src/ClassicDeploy):

        Import-Module ./out/ClassicDeploy/ClassicDeploy.psd1
        Start-ClassicDeployEmulator -UpgradeDomainSeconds 0.5
        ./examples/monitored-upgrade.ps1
        Stop-ClassicDeployEmulator

    The health check here plays a smoke test's verdict (release v3 answers 500); a real runbook
    probes the service instead, for example with Invoke-WebRequest against a health endpoint.
    Against a real subscription, connect with Connect-ClassicDeploy and pass real -PackageUrl values.

.PARAMETER ServiceName
    The cloud service to create; a new unique name by default.

.PARAMETER HealthCheckInterval
    Seconds between health checks; short by default so the demo runs in seconds.

.PARAMETER HealthCheckStable
    Seconds the check must keep passing on each domain.
#>
[CmdletBinding()]
param(
    [string] $ServiceName = 'shop-' + [guid]::NewGuid().ToString('N').Substring(0, 6),
    [string] $Location = 'West Europe',
    [string] $PackageUrl = 'https://contoso.blob.core.windows.net/packages/shop-{0}.cspkg?sv=2017-04-17&sr=b&sig=demo',
    [double] $HealthCheckInterval = 0.1,
    [double] $HealthCheckStable = 0.2,
    [double] $UpgradeDomainTimeout = 120
)

$ErrorActionPreference = 'Stop'

function New-ServiceConfiguration {
    # Five web instances: five upgrade domains of one instance each.
    param([string] $Release)
    @"
<?xml version="1.0" encoding="utf-8"?>
<ServiceConfiguration serviceName="shop" xmlns="http://schemas.microsoft.com/ServiceHosting/2008/10/ServiceConfiguration" osFamily="6" osVersion="*">
  <Role name="WebRole1">
    <Instances count="5" />
    <ConfigurationSettings>
      <Setting name="Release" value="$Release" />
    </ConfigurationSettings>
  </Role>
</ServiceConfiguration>
"@
}

function Get-Release {
    # The Release setting production runs now, from the deployment's configuration.
    param($Deployment)
    ([xml] $Deployment.Configuration).ServiceConfiguration.Role.ConfigurationSettings.Setting.value
}

# The release being rolled out; the health check reads it when it runs.
$script:rollingOut = $null

# The health gate's check, after each upgrade domain's instances are ready: $args[0] is the fresh
# deployment, $args[1] the upgrade domain. Healthy when it returns $true; a throw is unhealthy, and
# its message becomes the reason.
$smokeTest = {
    param($Deployment, [int] $Domain)
    $instance = @($Deployment.RoleInstances | Where-Object { $_.InstanceUpgradeDomain -eq $Domain })[0]
    if ($script:rollingOut -eq 'v3') {
        throw "smoke test failed: GET /health answered 500 on $($instance.InstanceName)"
    }
    $true
}

$gate = @{
    HealthCheck          = $smokeTest
    HealthCheckInterval  = $HealthCheckInterval
    HealthCheckStable    = $HealthCheckStable
    UpgradeDomainTimeout = $UpgradeDomainTimeout
    FailureAction        = 'Rollback'
}

"== Creating $ServiceName with release v1 in production"
$null = New-CloudService -ServiceName $ServiceName -Location $Location
$null = New-Deployment -ServiceName $ServiceName -Slot Production -DeploymentName shop-web -Package ($PackageUrl -f 'v1') -Configuration (New-ServiceConfiguration 'v1') -StartDeployment -Wait

"== Release v2: walked domain by domain, each one gated on its health check"
$script:rollingOut = 'v2'
$good = Invoke-UpgradeDeployment -ServiceName $ServiceName -Slot Production -Mode Manual -Package ($PackageUrl -f 'v2') -Configuration (New-ServiceConfiguration 'v2') -Label 'v2' -Wait @gate
$good | Out-Host
$good.Domains | Out-Host
"Release v2: $($good.Outcome), $(@($good.Domains | Where-Object { $_.Healthy }).Count) of 5 upgrade domains healthy, $(@($good.Operations | Where-Object { $_.Operation -eq 'Walk Upgrade Domain' }).Count) walks"

"== Release v3: the same gate, in a pipeline; its smoke test fails"
$script:rollingOut = 'v3'
$bad = Invoke-UpgradeDeployment -ServiceName $ServiceName -Slot Production -Mode Manual -Package ($PackageUrl -f 'v3') -Configuration (New-ServiceConfiguration 'v3') -Label 'v3' |
    Step-UpgradeDomain -All @gate -ErrorAction SilentlyContinue -ErrorVariable failed
$bad | Out-Host
"Release v3: $($bad.Outcome) after upgrade domain $($bad.FailedUpgradeDomain), $(@($bad.Operations | Where-Object { $_.Operation -eq 'Walk Upgrade Domain' }).Count) walk(s): $($bad.Reason)"
"Error: $($failed[0].FullyQualifiedErrorId): $($failed[0].Exception.Message)"

$production = Get-Deployment -ServiceName $ServiceName -Slot Production
"== Done: production runs $(Get-Release $production) on $($production.DeploymentName), no update in progress: $($null -eq $production.UpgradeStatus)"
