#if canImport(Glibc)
import Glibc
#endif

/// Reads one seed file without ever leaving the seeds directory or blocking on it.
///
/// The seeds are served publicly, so a link planted in them (to `/etc/passwd`,
/// `/proc/self/environ`) must never be read: every file is opened with `O_NOFOLLOW`, and a
/// symbolic link anywhere below the seeds directory is refused (the directory itself may be
/// a link, resolved once). Only regular files are read; a FIFO, socket or device is skipped
/// with a warning, never opened for reading (opening a FIFO would block the load).
enum SeedFileReader {
    enum Outcome: Sendable {
        case bytes([UInt8])
        /// Refused or unreadable: an error (the file is skipped unless strict).
        case refused(String)
        /// Not a regular file: skipped with a warning naming what it is.
        case special(String)
    }

    /// `limit`: refuse a file larger than this many bytes, without reading it (a file that grows
    /// while it is read is refused too, never read past the limit).
    static func read(_ path: String, limit: Int? = nil) -> Outcome {
        var status = stat()
        guard lstat(path, &status) == 0 else { return .refused(describe(errno)) }
        switch status.st_mode & S_IFMT {
        case S_IFREG:
            break
        case S_IFLNK:
            return .refused("a symbolic link; seed files must be regular files inside the seeds directory")
        default:
            return .special(kind(status.st_mode))
        }
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .refused(errno == ELOOP ? "a symbolic link" : describe(errno)) }
        defer { close(fd) }
        // The file may have been swapped between lstat and open: check what was opened.
        var opened = stat()
        guard fstat(fd, &opened) == 0, opened.st_mode & S_IFMT == S_IFREG else { return .special(kind(opened.st_mode)) }
        let tooLarge = { (size: Int) in
            "\(size) bytes, larger than limits.maxArticleBytes (\(limit ?? 0) bytes); raise the limit to load it"
        }
        if let limit, Int(opened.st_size) > limit { return .refused(tooLarge(Int(opened.st_size))) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(opened.st_size))
        // The size lstat gave, plus one byte to see the end (or growth), up to 64 KiB a read: a
        // zeroed 64 KiB buffer per 3 KB article was most of reading 100,000 of them.
        var chunk = [UInt8](repeating: 0, count: min(1 << 16, Int(opened.st_size) + 1))
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { return .refused(describe(errno)) }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if let limit, bytes.count > limit { return .refused(tooLarge(bytes.count)) }
        }
        return .bytes(bytes)
    }

    /// The names in `directory` (`.` and `..` left out, hidden ones kept), in the order the file
    /// system gives them; nil when it cannot be listed. Read with `opendir`: a start-up on the
    /// shipped seeds then runs no Foundation code, whose pages were part of the idle RSS.
    static func names(in directory: String) -> [String]? {
        guard let stream = opendir(directory) else { return nil }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// A directory below the seeds root: it must be a real directory, not a link to one.
    static func isRealDirectory(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }

    static func isLink(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFLNK
    }

    static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: return "a FIFO"
        case S_IFSOCK: return "a socket"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFDIR: return "a directory"
        default: return "not a regular file"
        }
    }

    static func describe(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: return "permission denied"
        case ENOENT: return "no such file"
        case ELOOP: return "a symbolic link"
        default: return "cannot be read (errno \(code))"
        }
    }
}
