using System;
using System.IO;
using System.Net;
using System.Threading.Tasks;
using ClassicDeploy.Emulator.Tests.Support;
using Xunit;
using static ClassicDeploy.Emulator.Tests.Support.TestEmulator;

namespace ClassicDeploy.Emulator.Tests.Http;

public sealed class HostTests
{
    [Fact]
    public async Task Port_zero_binds_a_free_port_on_127_0_0_1()
    {
        await using var emulator = await StartAsync();
        var address = emulator.Host.BaseAddress;
        Assert.Equal("http", address.Scheme);
        Assert.Equal("127.0.0.1", address.Host);
        Assert.NotEqual(0, address.Port);
        Assert.Equal("/", address.AbsolutePath);
    }

    [Fact]
    public async Task A_taken_port_fails_the_start()
    {
        await using var first = await StartAsync();
        await Assert.ThrowsAnyAsync<IOException>(() => EmulatorHost.StartAsync(new EmulatorOptions { InMemory = true, Port = first.Host.BaseAddress.Port }));
        await first.GetXmlAsync("services/hostedservices");
    }

    [Fact]
    public async Task Data_directory_keeps_services_and_operations_across_hosts()
    {
        var directory = Path.Combine(Path.GetTempPath(), "cd-emu-host-" + Guid.NewGuid().ToString("N"));
        try
        {
            string id;
            await using (var first = await StartAsync(o => { o.InMemory = false; o.DataDirectory = directory; }))
            {
                await first.CreateServiceAsync("svc");
                id = await first.AcceptedAsync("services/hostedservices/svc/deploymentslots/staging", Bodies.CreateDeployment("dep1", Bodies.DefaultConfiguration));
            }

            await using var second = await StartAsync(o => { o.InMemory = false; o.DataDirectory = directory; });
            Assert.Equal("InProgress", await second.OperationStatusAsync(id));
            await second.SucceedAsync(id);
            Assert.Equal("dep1", Text(await second.DeploymentAsync("svc", "staging"), "Name"));
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, true);
            }
        }
    }

    [Fact]
    public async Task Stop_is_idempotent_and_the_port_is_released()
    {
        var emulator = await StartAsync();
        var port = emulator.Host.BaseAddress.Port;
        await emulator.Host.StopAsync();
        await emulator.DisposeAsync();
        await using var again = await EmulatorHost.StartAsync(new EmulatorOptions { InMemory = true, Port = port });
        Assert.Equal(port, again.BaseAddress.Port);
    }

    [Theory]
    [InlineData("PUT", "services/hostedservices")]
    [InlineData("PATCH", "services/hostedservices/svc/deploymentslots/production")]
    public async Task Methods_the_api_does_not_have_are_refused_with_an_error_body(string method, string path)
    {
        await using var emulator = await StartAsync();
        using var response = await emulator.SendAsync(new System.Net.Http.HttpMethod(method), path, "<x/>");
        await AssertErrorAsync(response, HttpStatusCode.MethodNotAllowed, "MethodNotAllowed");
    }
}
