# A minimal stand-in for Pester 5, so that PesterFilesTests can run tests/pester/*.Tests.ps1 where
# neither pwsh nor Pester exists: Describe/Context/It, top-level BeforeAll/AfterAll and the Should
# operators those files use (-Be, -BeLike, -Match, -BeTrue, -BeFalse, -BeNullOrEmpty, -Contain,
# -BeGreaterThan, -Exist, -Throw [-ErrorId], -Not), plus the few Management cmdlets they call
# (Join-Path, Set-Content, Remove-Item, Get-Process), which an SMA-only runspace lacks.
# It is not Pester: it checks that the files' commands and expectations hold, not Pester's rules.
$global:__afterAll = @()
$global:__results = [System.Collections.Generic.List[string]]::new()
$global:__describe = ''
function global:BeforeAll([scriptblock]$sb) { . $sb }
function global:AfterAll([scriptblock]$sb) { $global:__afterAll += $sb }
function global:Describe([string]$name, [scriptblock]$sb) { $global:__describe = $name; & $sb }
function global:Context([string]$name, [scriptblock]$sb) { & $sb }
function global:It([string]$name, [scriptblock]$sb) {
    try { & $sb; $global:__results.Add("PASS $($global:__describe) :: $name") }
    catch { $global:__results.Add("FAIL $($global:__describe) :: $name :: $($_.Exception.Message) @ $($_.InvocationInfo.ScriptLineNumber)") }
}
function global:Join-Path([string]$Path, [string]$ChildPath) { [IO.Path]::Combine($Path, $ChildPath) }
function global:Set-Content([string]$Path, $Value) { [IO.File]::WriteAllText($Path, [string]$Value) }
function global:Remove-Item([string]$Path, [switch]$Recurse, [switch]$Force, $ErrorAction) { if ([IO.Directory]::Exists($Path)) { [IO.Directory]::Delete($Path, $true) } elseif ([IO.File]::Exists($Path)) { [IO.File]::Delete($Path) } }
function global:Get-Process([int]$Id, $ErrorAction) { try { [Diagnostics.Process]::GetProcessById($Id) } catch { if ($ErrorAction -ne 'Ignore') { throw } } }
function global:Should {
    [CmdletBinding()]
    param([Parameter(ValueFromPipeline)] $ActualValue, [switch]$Not, [object]$Be, [string]$BeLike, [string]$Match, [switch]$BeTrue, [switch]$BeFalse,
          [switch]$BeNullOrEmpty, [object]$Contain, [switch]$Throw, [string]$ErrorId, [object]$BeGreaterThan, [switch]$Exist)
    begin { $items = [System.Collections.Generic.List[object]]::new() }
    process { $items.Add($ActualValue) }
    end {
        $actual = if ($items.Count -eq 1) { $items[0] } else { $items.ToArray() }
        $ok = $true; $what = ''
        if ($PSBoundParameters.ContainsKey('Be')) { $exp = @($Be); $act = @($actual); $ok = ($exp.Count -eq $act.Count); if ($ok) { for ($i = 0; $i -lt $exp.Count; $i++) { if (-not ($act[$i] -eq $exp[$i])) { $ok = $false } } }; $what = "be '$($Be -join ',')' but was '$($actual -join ',')'" }
        elseif ($PSBoundParameters.ContainsKey('BeLike')) { $ok = "$actual" -like $BeLike; $what = "be like $BeLike but was $actual" }
        elseif ($PSBoundParameters.ContainsKey('Match')) { $ok = "$actual" -match $Match; $what = "match $Match" }
        elseif ($BeTrue) { $ok = [bool]$actual -eq $true; $what = "be true, was $actual" }
        elseif ($BeFalse) { $ok = [bool]$actual -eq $false; $what = "be false, was $actual" }
        elseif ($BeNullOrEmpty) { $ok = ($null -eq $actual) -or (@($actual).Count -eq 0) -or ("$actual" -eq ''); $what = "be null or empty, was '$actual'" }
        elseif ($PSBoundParameters.ContainsKey('Contain')) { $ok = @($actual) -contains $Contain; $what = "contain $Contain" }
        elseif ($PSBoundParameters.ContainsKey('BeGreaterThan')) { $ok = $actual -gt $BeGreaterThan; $what = "be > $BeGreaterThan" }
        elseif ($Exist) { $ok = [IO.File]::Exists($actual) -or [IO.Directory]::Exists($actual); $what = "exist" }
        elseif ($Throw) {
            $thrown = $null
            try { & $actual } catch { $thrown = $_ }
            $ok = $null -ne $thrown
            $what = 'throw'
            if ($ok -and $ErrorId) { $ok = $thrown.FullyQualifiedErrorId -like "*$ErrorId*"; $what = "throw $ErrorId but threw $($thrown.FullyQualifiedErrorId)" }
            if ($Not) { $what = "not throw, threw $($thrown.FullyQualifiedErrorId): $thrown" }
        }
        if ($Not) { $ok = -not $ok }
        if (-not $ok) { throw "Expected $(if ($Not) { 'not ' })to $what" }
    }
}
