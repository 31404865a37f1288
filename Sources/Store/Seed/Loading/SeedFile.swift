/// One seed file's raw bytes and its path relative to the seeds directory
/// (`entities.json`, `articles/000_44894ce68db02e79.txt`).
///
/// `SeedLoadResult.files` lists the loaded files sorted by path (byte
/// order), the stable input for a dataset digest.
public struct SeedFile: Sendable, Hashable {
    public let path: String
    public let bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    static func sortedByPath(_ files: [SeedFile]) -> [SeedFile] {
        files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }
}
