import CSystem

/// How the process's memory allocator treats large blocks.
public enum ProcessMemory {
    /// Asks glibc's allocator to keep freed memory for reuse: blocks up to 32 MiB (an export
    /// file, a request file, a rendered page) come from the heap instead of a mapping of their
    /// own, and the heap is not given back between them, so a build of hundreds of companies
    /// doesn't map, zero and unmap the same amount of memory again for each company. Does
    /// nothing with other allocators.
    public static func keepFreedMemory() {
        transparency_keep_freed_memory()
    }
}
