namespace SweepCluster.Training.Trainer;

/// <summary>
/// Who may use one device now. The worker slots of a device train side by side, each holding the gate for one epoch at a
/// time; a pack calibration has the device to itself, so that it times the pack alone and not the pack plus the other
/// slots' work (on a GPU the others' kernels would make every pack size look slow), and only one calibration per device
/// runs at once. A waiting calibration goes before new epochs, so it waits at most for the epochs already running.
/// Thread-safe; one instance per device in a process (<see cref="Packing.PackCalibration.GateFor"/>).
/// </summary>
public sealed class DeviceGate
{
    private readonly object sync = new();
    private int training;
    private int calibrationsWaiting;
    private bool calibrating;

    /// <summary>Held for one training epoch; waits while a calibration runs or waits.</summary>
    public IDisposable Train()
    {
        lock (sync)
        {
            while (calibrating || calibrationsWaiting > 0)
            {
                Monitor.Wait(sync);
            }
            training++;
        }
        return new Release(this, calibration: false);
    }

    /// <summary>Held for a whole calibration; waits until no epoch and no other calibration runs on the device.</summary>
    public IDisposable Calibrate()
    {
        lock (sync)
        {
            calibrationsWaiting++;
            while (calibrating || training > 0)
            {
                Monitor.Wait(sync);
            }
            calibrationsWaiting--;
            calibrating = true;
        }
        return new Release(this, calibration: true);
    }

    private void Leave(bool calibration)
    {
        lock (sync)
        {
            if (calibration)
            {
                calibrating = false;
            }
            else
            {
                training--;
            }
            Monitor.PulseAll(sync);
        }
    }

    private sealed class Release(DeviceGate gate, bool calibration) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Leave(calibration);
            }
        }
    }
}
