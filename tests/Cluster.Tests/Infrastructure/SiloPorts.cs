using Conversations.TestSupport;

namespace Conversations.Cluster.Tests.Infrastructure;

/// <summary>The two loopback ports a silo listens on: one for silos, one for clients.</summary>
public sealed record SiloPorts(int Silo, int Gateway)
{
    public static SiloPorts Free()
    {
        var silo = FreePorts.Next();
        var gateway = FreePorts.Next();
        while (gateway == silo)
        {
            gateway = FreePorts.Next();
        }

        return new SiloPorts(silo, gateway);
    }
}
