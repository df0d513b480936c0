using System;
using System.Collections.Concurrent;
using System.Threading;

namespace ClassicDeploy.Cmdlets;

/// <summary>
/// The queue between a cmdlet's async core (any thread) and its pipeline thread, which runs the
/// queued writes until the core completes. The pipeline thread waits as a Task wait does (a short
/// spin, then it sleeps), so an answer that comes back within the spin costs no wake-up; the end
/// of the core is a signal like a write (a BlockingCollection wakes its consumer at the end by
/// cancelling a token: a first-chance exception per call).
/// </summary>
internal sealed class WritePump
{
    private readonly ConcurrentQueue<Action> _writes = new ConcurrentQueue<Action>();
    private readonly ManualResetEventSlim _signal = new ManualResetEventSlim(false);
    private readonly object _gate = new object();
    private bool _completed;

    /// <summary>Queues a write; false once the core has completed (nothing will run it).</summary>
    public bool TryPost(Action write)
    {
        lock (_gate)
        {
            if (_completed)
            {
                return false;
            }

            _writes.Enqueue(write);
        }

        _signal.Set();
        return true;
    }

    /// <summary>The core has ended: the pump runs what is queued and returns.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
        }

        _signal.Set();
    }

    /// <summary>
    /// Runs the queued writes on the calling (pipeline) thread until <see cref="Complete"/> and
    /// the queue is empty; throws OperationCanceledException when <paramref name="token"/> is
    /// cancelled (Ctrl+C), without waiting for the core.
    /// </summary>
    public void Run(CancellationToken token)
    {
        while (true)
        {
            _signal.Wait(token);

            // Reset before draining: a write queued from here on sets the signal again.
            _signal.Reset();
            while (_writes.TryDequeue(out Action? write))
            {
                write();
            }

            bool completed;
            lock (_gate)
            {
                completed = _completed;
            }

            // Every write was queued before the completion (both under the gate), so none is left behind.
            if (completed && _writes.IsEmpty)
            {
                return;
            }
        }
    }
}
