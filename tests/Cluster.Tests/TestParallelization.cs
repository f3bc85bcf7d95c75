// Every test here starts silos and waits for the cluster to react (failure detection, reminder
// loading). Run one at a time so those timings do not depend on what else competes for 2 cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
