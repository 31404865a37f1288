import HTTP
import Logging

/// Diagnostics go to stderr, as JSON lines (default) or text; stdout is the access log.
enum DiagnosticsLog {
    static func bootstrap(level: String, format: String) {
        let threshold = Logger.Level(rawValue: level) ?? .info
        LoggingSystem.bootstrap { label in
            var handler: any LogHandler = format == "text"
                ? StreamLogHandler.standardError(label: label)
                : JSONLogHandler(label: label)
            handler.logLevel = threshold
            return handler
        }
    }
}

/// One JSON object per line on stderr: time, level, label, message and metadata.
struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var line = "{\"time\":\(JSONString.quote(UTCTimestamp.now())),\"level\":\(JSONString.quote(event.level.rawValue)),"
        line += "\"label\":\(JSONString.quote(label)),\"message\":\(JSONString.quote("\(event.message)"))"
        let fields = metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 })
        if !fields.isEmpty {
            let members = fields.sorted { $0.key < $1.key }.map { "\(JSONString.quote($0.key)):\(JSONString.quote("\($0.value)"))" }
            line += ",\"metadata\":{" + members.joined(separator: ",") + "}"
        }
        UTCTimestamp.writeToStandardError(line + "}")
    }
}
