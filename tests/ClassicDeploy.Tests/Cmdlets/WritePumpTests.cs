using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ClassicDeploy.Cmdlets;
using Xunit;

namespace ClassicDeploy.Tests.Cmdlets;

/// <summary>The queue between a cmdlet's async core and its pipeline thread.</summary>
public class WritePumpTests
{
    [Fact]
    public async Task WritesFromAnotherThreadRunOnThePumpingThreadInOrderAndNoneIsLeftBehind()
    {
        var pump = new WritePump();
        var seen = new List<(int Value, int Thread)>();
        Task producer = Task.Run(() =>
        {
            for (int i = 0; i < 1000; i++)
            {
                int value = i;
                Assert.True(pump.TryPost(() => seen.Add((value, Environment.CurrentManagedThreadId))));
            }

            pump.Complete();
        });

        pump.Run(CancellationToken.None);
        await producer;

        Assert.Equal(1000, seen.Count);
        for (int i = 0; i < seen.Count; i++)
        {
            Assert.Equal(i, seen[i].Value);
            Assert.Equal(Environment.CurrentManagedThreadId, seen[i].Thread);
        }
    }

    [Fact]
    public void AWriteAfterTheCoreEndedIsRefusedNotLost()
    {
        var pump = new WritePump();
        int ran = 0;
        Assert.True(pump.TryPost(() => ran++));
        pump.Complete();

        Assert.False(pump.TryPost(() => ran += 100));
        pump.Run(CancellationToken.None);

        Assert.Equal(1, ran);
    }

    [Fact]
    public async Task StoppingEndsTheWaitAlthoughTheCoreNeverCompletes()
    {
        var pump = new WritePump();
        using var stop = new CancellationTokenSource();
        Task waiting = Task.Run(() => pump.Run(stop.Token));
        Assert.True(pump.TryPost(() => stop.Cancel()));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }
}
