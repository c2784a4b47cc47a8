internal import CMalloc

/// Gives the memory the allocator holds free back to the system.
///
/// glibc keeps freed small blocks in its heap, so the many small allocations of a large input's parse (a Markdown
/// tree, YAML nodes, records the analysis no longer needs) stay resident after they are freed, and the large page
/// strings Render builds next are mapped as new memory beside them. Releasing them first keeps the peak at what
/// is live.
enum MemoryRelease {
    /// An input this large (in bytes) has its parse memory released as soon as it is freed.
    static let largeInput = 1 << 20

    /// Releases the allocator's free memory now.
    static func now() {
        _ = malloc_trim(0)
    }

    /// Has the allocator map blocks of 128 KiB or more on their own from now on, so that they go back when freed;
    /// called before a large input's parse. By default glibc raises that threshold each time such a block is freed
    /// (up to 32 MiB): the buffers of a parse that grow by doubling then move the large blocks made after them into
    /// its heap, where what they leave when freed stays resident beside what Render builds next.
    static func mapLargeBlocks() {
        _ = mallopt(M_MMAP_THRESHOLD, 128 << 10)
    }
}
