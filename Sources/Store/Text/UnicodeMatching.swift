#if canImport(Glibc)
import Glibc
#endif
import CUtf8proc

/// The form names are matched in: NFC with combining marks stripped (utf8proc), case kept.
/// "Zélensky" written precomposed or decomposed (NFD: e + U+0301) and "Zelensky" all match
/// the catalog's "Zelensky"; case rules stay the catalog's (see seeds/FORMAT.md).
///
/// utf8proc (Debian's libutf8proc, through a module map) replaces hand-written tables here:
/// it covers every script's marks and compatibility forms from the Unicode data itself.
enum UnicodeMatching {
    /// `text` composed (NFC) with marks removed; ASCII passes through untouched.
    static func key(_ text: String) -> String {
        mapped(text, utf8proc_option_t(rawValue: UTF8PROC_STABLE.rawValue | UTF8PROC_COMPOSE.rawValue | UTF8PROC_STRIPMARK.rawValue))
    }

    /// `text` composed (NFC), marks kept: the form `String` equality compares by.
    static func composed(_ text: String) -> String {
        mapped(text, utf8proc_option_t(rawValue: UTF8PROC_STABLE.rawValue | UTF8PROC_COMPOSE.rawValue))
    }

    private static func mapped(_ text: String, _ options: utf8proc_option_t) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        var result: UnsafeMutablePointer<utf8proc_uint8_t>?
        let length = text.withCString { source in
            source.withMemoryRebound(to: utf8proc_uint8_t.self, capacity: text.utf8.count + 1) { bytes in
                utf8proc_map(bytes, utf8proc_ssize_t(text.utf8.count), &result, options)
            }
        }
        guard length >= 0, let result else { return text }
        defer { free(result) }
        return String(decoding: UnsafeBufferPointer(start: result, count: Int(length)), as: UTF8.self)
    }
}
