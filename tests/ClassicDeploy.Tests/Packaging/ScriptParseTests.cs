using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using ClassicDeploy.Tests.Infrastructure;
using Xunit;

namespace ClassicDeploy.Tests.Packaging;

/// <summary>
/// Every PowerShell file we ship or run elsewhere (Pester tests, examples, build.ps1 and its helpers)
/// parses: a syntax error shows here with its line, before any pwsh runs the file.
/// </summary>
public sealed class ScriptParseTests
{
    public static IEnumerable<object[]> Scripts()
    {
        string root = TestRepository.Root;
        IEnumerable<string> files = new[] { Path.Combine(root, "build.ps1") }
            .Concat(Directory.GetFiles(Path.Combine(root, "build"), "*.ps1", SearchOption.AllDirectories))
            .Concat(Directory.GetFiles(Path.Combine(root, "examples"), "*.ps1", SearchOption.AllDirectories))
            .Concat(Directory.GetFiles(Path.Combine(root, "tests", "pester"), "*.ps1", SearchOption.AllDirectories));
        return files.Select(f => new object[] { Path.GetRelativePath(root, f).Replace('\\', '/') });
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Parses_without_errors(string relativePath)
    {
        Parser.ParseFile(Path.Combine(TestRepository.Root, relativePath), out _, out ParseError[] errors);

        Assert.True(errors.Length == 0, string.Join(Environment.NewLine, errors.Select(e => $"{relativePath}:{e.Extent.StartLineNumber}: {e.Message}")));
    }

    [Fact]
    public void There_are_examples_and_Pester_files_to_check()
    {
        string[] files = Scripts().Select(s => (string)s[0]).ToArray();

        Assert.Contains(files, f => f.StartsWith("examples/", StringComparison.Ordinal));
        Assert.Contains(files, f => f.StartsWith("tests/pester/", StringComparison.Ordinal) && f.EndsWith(".Tests.ps1", StringComparison.Ordinal));
        Assert.Contains("build.ps1", files);
        Assert.Contains("build/Invoke-PesterSuite.ps1", files);
    }

    [Fact]
    public void A_file_with_a_syntax_error_is_caught()
    {
        string path = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.ps1");
        File.WriteAllText(path, "Describe 'x' {\n    It 'y' { $a = ( }\n");
        try
        {
            Parser.ParseFile(path, out _, out ParseError[] errors);
            Assert.NotEmpty(errors);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
