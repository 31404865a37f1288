#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import HTTP

/// The default number of event loops follows the CPUs the process may really use.
@Suite struct CPUCountTests {
    @Test("cgroup v2 cpu.max: a quota is rounded up to whole CPUs; 'max' or garbage means no limit")
    func quotaParsing() {
        #expect(CPUCount.quota(parsing: "max 100000\n") == nil)
        #expect(CPUCount.quota(parsing: "100000 100000\n") == 1)
        #expect(CPUCount.quota(parsing: "150000 100000\n") == 2)
        #expect(CPUCount.quota(parsing: "50000 100000") == 1)
        #expect(CPUCount.quota(parsing: "400000 100000") == 4)
        #expect(CPUCount.quota(parsing: "") == nil)
        #expect(CPUCount.quota(parsing: "-1 100000") == nil)
        #expect(CPUCount.quota(parsing: "100000 0") == nil)
        #expect(CPUCount.quota(parsing: "abc def") == nil)
    }

    func write(_ text: String, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        try #require(fd >= 0, "cannot create \(path)")
        defer { close(fd) }
        let bytes = Array(text.utf8)
        #expect(Glibc.write(fd, bytes, bytes.count) == bytes.count)
    }

    @Test("The tightest quota between this process's cgroup and the root wins")
    func theTightestQuotaOnThePathWins() throws {
        let root = "/tmp/accord-cgroup-\(getpid())"
        defer {
            for file in ["/pod/container/cpu.max", "/pod/cpu.max", "/cpu.max", "/membership"] { unlink(root + file) }
            for directory in ["/pod/container", "/pod", ""] { rmdir(root + directory) }
        }
        for directory in [root, root + "/pod", root + "/pod/container"] { mkdir(directory, 0o700) }
        try write("max 100000\n", to: root + "/cpu.max")
        try write("200000 100000\n", to: root + "/pod/cpu.max")           // the pod: 2 CPUs
        try write("max 100000\n", to: root + "/pod/container/cpu.max")   // the container: unlimited
        try write("1:name=systemd:/x\n0::/pod/container\n", to: root + "/membership")
        #expect(CPUCount.cgroupQuota(root: root, membership: root + "/membership") == 2)

        try write("50000 100000\n", to: root + "/pod/container/cpu.max")
        #expect(CPUCount.cgroupQuota(root: root, membership: root + "/membership") == 1)

        // Outside the namespace, or no membership file: only the root counts.
        try write("0::/../../elsewhere\n", to: root + "/membership")
        #expect(CPUCount.cgroupQuota(root: root, membership: root + "/membership") == nil)
        #expect(CPUCount.cgroupQuota(root: root, membership: root + "/absent") == nil)
        #expect(CPUCount.cgroupQuota(root: root + "/absent", membership: root + "/absent") == nil)
    }

    @Test("A quota lowers the count; none leaves the online and affinity count")
    func aQuotaLowersTheCount() {
        let online = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        let unlimited = CPUCount.usable(quota: nil)
        #expect(unlimited >= 1 && unlimited <= online)
        #expect(CPUCount.usable(quota: 1) == 1)
        #expect(CPUCount.usable(quota: 1000) == unlimited)
    }
}
