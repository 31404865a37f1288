#if canImport(Glibc)
import Glibc
import CSystem
#endif

/// How many CPUs this process can actually use, for the default number of event loops.
///
/// The smallest of: the CPUs online, the CPUs in the affinity mask (`taskset`, a container's
/// cpuset) and the tightest cgroup v2 CPU quota on the path from this process's cgroup to the
/// root, rounded up (`docker run --cpus=1.5` gives 2; a Kubernetes pod limit on a parent cgroup
/// counts too). More loops than usable CPUs only add context switches.
enum CPUCount {
    static func usable() -> Int { usable(quota: cgroupQuota()) }

    static func usable(quota: Int?) -> Int {
        var count = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        let affinity = Int(accord_affinity_cpu_count())
        if affinity > 0 { count = min(count, affinity) }
        if let quota { count = min(count, quota) }
        return max(1, count)
    }

    /// The smallest `cpu.max` quota from this process's cgroup (the `0::<path>` line of
    /// `/proc/self/cgroup`) up to `root`; nil when none is set (or cgroup v2 is absent).
    static func cgroupQuota(root: String = "/sys/fs/cgroup", membership: String = "/proc/self/cgroup") -> Int? {
        var components: [Substring] = []
        if let text = readSmallFile(membership),
           let line = text.split(separator: "\n").first(where: { $0.hasPrefix("0::") }) {
            components = line.dropFirst(3).split(separator: "/")
            // Outside the cgroup namespace the path is relative ("/../.."): only the root is ours.
            if components.contains("..") { components = [] }
        }
        var smallest: Int?
        while true {
            let directory = components.isEmpty ? root : root + "/" + components.joined(separator: "/")
            if let text = readSmallFile(directory + "/cpu.max"), let quota = quota(parsing: text) {
                smallest = min(smallest ?? quota, quota)
            }
            if components.isEmpty { return smallest }
            components.removeLast()
        }
    }

    /// `cpu.max` is "<quota> <period>" in microseconds, or "max <period>" for no limit.
    static func quota(parsing text: String) -> Int? {
        let fields = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard fields.count >= 2, let quota = Int(fields[0]), let period = Int(fields[1]),
              quota > 0, period > 0 else { return nil }
        return (quota + period - 1) / period
    }

    private static func readSmallFile(_ path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count], as: UTF8.self)
    }
}
