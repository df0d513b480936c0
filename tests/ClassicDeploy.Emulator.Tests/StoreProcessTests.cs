using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using ClassicDeploy.Emulator.Store;
using ClassicDeploy.Emulator.Tests.Store;
using ClassicDeploy.Emulator.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit;

namespace ClassicDeploy.Emulator.Tests;

/// <summary>The emulator process and its data directory: one emulator per directory, and no change kept that the store did not take.</summary>
public sealed class StoreProcessTests
{
    [Fact]
    public async Task A_second_emulator_on_the_same_data_directory_is_refused_with_exit_2()
    {
        using var directory = new TempDirectory();
        using var first = await EmulatorProcess.StartAsync("--port", "0", "--data-dir", directory.Path, "--quiet");
        using var second = EmulatorProcess.Launch(new[] { "--port", "0", "--data-dir", directory.Path, "--quiet" });
        Assert.Equal(2, await second.WaitForExitAsync());
        var error = Assert.Single(second.Output, l => l.StartsWith("stderr: ", StringComparison.Ordinal) && l.Length > "stderr: ".Length);
        Assert.Contains("Another emulator is using the data directory " + directory.Path, error);
        Assert.DoesNotContain(second.Output, l => l.StartsWith(EmulatorProcess.Banner, StringComparison.Ordinal));

        using var client = new HttpClient { BaseAddress = first.BaseAddress };
        using var response = await client.SendAsync(Request(HttpMethod.Post, "sub-a", "services/hostedservices", Bodies.CreateHostedService("svc")));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_change_the_locked_database_does_not_take_is_503_and_not_applied()
    {
        using var directory = new TempDirectory();
        using (var emulator = await EmulatorProcess.StartAsync("--port", "0", "--data-dir", directory.Path, "--quiet"))
        {
            using var client = new HttpClient { BaseAddress = emulator.BaseAddress };
            using (var other = await client.SendAsync(Request(HttpMethod.Post, "sub-b", "services/hostedservices", Bodies.CreateHostedService("other"))))
            {
                Assert.Equal(HttpStatusCode.Created, other.StatusCode);
            }

            // Another writer holds the database's write lock.
            using (var writer = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory.Path, SqliteStateStore.FileName), Pooling = false }.ToString()))
            {
                writer.Open();
                using (var begin = writer.CreateCommand())
                {
                    begin.CommandText = "BEGIN IMMEDIATE;";
                    begin.ExecuteNonQuery();
                }

                using (var create = await client.SendAsync(Request(HttpMethod.Post, "sub-a", "services/hostedservices", Bodies.CreateHostedService("svc"))))
                {
                    Assert.Equal(HttpStatusCode.ServiceUnavailable, create.StatusCode);
                    Assert.Contains("ServiceUnavailable", await create.Content.ReadAsStringAsync());
                    Assert.True(create.Headers.Contains("Retry-After"));
                }

                using (var read = await client.SendAsync(Request(HttpMethod.Get, "sub-a", "services/hostedservices/svc", null)))
                {
                    Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
                }

                using (var elsewhere = await client.SendAsync(Request(HttpMethod.Get, "sub-b", "services/hostedservices/other", null)))
                {
                    Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
                }

                using var rollback = writer.CreateCommand();
                rollback.CommandText = "ROLLBACK;";
                rollback.ExecuteNonQuery();
            }

            using var again = await client.SendAsync(Request(HttpMethod.Post, "sub-a", "services/hostedservices", Bodies.CreateHostedService("svc")));
            Assert.Equal(HttpStatusCode.Created, again.StatusCode);
            emulator.KillHard();
        }

        using var restarted = await EmulatorProcess.StartAsync("--port", "0", "--data-dir", directory.Path, "--quiet");
        using var after = new HttpClient { BaseAddress = restarted.BaseAddress };
        using var found = await after.SendAsync(Request(HttpMethod.Get, "sub-a", "services/hostedservices/svc", null));
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
    }

    [Fact]
    public async Task The_data_directory_is_the_owners_only_and_so_is_the_database()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var parent = new TempDirectory();
        var directory = Path.Combine(parent.Path, "state");
        await using (var host = await EmulatorHost.StartAsync(new EmulatorOptions { DataDirectory = directory }))
        {
            using var client = new HttpClient { BaseAddress = host.BaseAddress };
            using var response = await client.SendAsync(Request(HttpMethod.Post, "sub-a", "services/hostedservices", Bodies.CreateHostedService("svc")));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(directory));
            foreach (var file in Directory.GetFiles(directory).Where(f => Path.GetFileName(f).StartsWith("classicdeploy-emulator.db", StringComparison.Ordinal)))
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }
        }
    }

    private static HttpRequestMessage Request(HttpMethod method, string subscription, string path, string? body)
    {
        var request = new HttpRequestMessage(method, subscription + "/" + path);
        request.Headers.Add("x-ms-version", TestEmulator.ApiVersion);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/xml");
        }

        return request;
    }
}
