import HTTP
import Logging

/// Diagnostics go to stderr, as JSON lines (default) or text; stdout is the access log.
enum DiagnosticsLog {
    static func bootstrap(level: String, format: String) {
        let threshold = Logger.Level(rawValue: level) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = DiagnosticsLogHandler(label: label, text: format == "text")
            handler.logLevel = threshold
            return handler
        }
    }
}

/// One line per event on stderr, as a JSON object (time, level, label, message, metadata) or
/// as text. Written through ``StandardStreams``: never blocks, drops and counts when stderr is full.
struct DiagnosticsLogHandler: LogHandler {
    let label: String
    let text: Bool
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let fields = metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }).sorted { $0.key < $1.key }
        if text {
            var line = "\(UTCTimestamp.now()) \(event.level.rawValue) \(label): \(event.message)"
            for (key, value) in fields { line += " \(key)=\(value)" }
            UTCTimestamp.writeToStandardError(line)
            return
        }
        var line = "{\"time\":\(JSONString.quote(UTCTimestamp.now())),\"level\":\(JSONString.quote(event.level.rawValue)),"
        line += "\"label\":\(JSONString.quote(label)),\"message\":\(JSONString.quote("\(event.message)"))"
        if !fields.isEmpty {
            let members = fields.map { "\(JSONString.quote($0.key)):\(JSONString.quote("\($0.value)"))" }
            line += ",\"metadata\":{" + members.joined(separator: ",") + "}"
        }
        UTCTimestamp.writeToStandardError(line + "}")
    }
}
