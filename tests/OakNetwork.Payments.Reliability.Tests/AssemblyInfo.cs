// The scenarios measure time bounds and run loads on a 2-core machine: one at a time, so they do not skew each other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
