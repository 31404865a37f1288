#if canImport(Glibc)
import Glibc
#endif
import API
import ArgumentParser
import Dispatch
import FoundationEssentials
import HTTP
import Logging
import Store

/// Wires configuration, seeds, application and engine together, and owns the signal handlers.
final class ServerRunner: @unchecked Sendable {
    // @unchecked Sendable: mutable state is only touched on `signalQueue` (serial).
    let configuration: AccordConfiguration
    let logger: Logger
    let seedsDirectory: String
    let signalQueue = DispatchQueue(label: "accord.signals")
    var sources: [DispatchSourceSignal] = []

    init(configuration: AccordConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        self.seedsDirectory = configuration.seeds ?? ResourceLocator.seeds()
    }

    func run() throws {
        let dataset: Dataset
        switch DatasetLoader.load(directory: seedsDirectory, strict: configuration.strict) {
        case .success(let loaded):
            dataset = loaded
        case .failure(let failure):
            logger.critical("seeds rejected; not starting", metadata: ["seeds": "\(seedsDirectory)", "errors": "\(failure.errors.count)"])
            UTCTimestamp.writeToStandardError("accord: cannot load seeds from \(seedsDirectory):\n\(failure.description)")
            throw ExitCode(1)
        }
        for error in dataset.report.errors {
            logger.error("skipped seed file", metadata: ["problem": "\(error)"])
        }
        var tls: TLSContext?
        if let files = configuration.server.tls {
            do throws(TLSContext.Failure) {
                tls = try TLSContext(configuration: files)
            } catch {
                logger.critical("TLS setup failed; not starting", metadata: ["file": "\(error.file)", "reason": "\(error.reason)"])
                UTCTimestamp.writeToStandardError("accord: TLS: \(error)")
                throw ExitCode(1)
            }
        }
        let application = Application(dataset: dataset, cors: CORSPolicy(allowedOrigins: configuration.corsOrigins), web: loadExplorer())
        let diagnostics = logger
        let server = HTTPServer(
            configuration: configuration.server, responder: application, accessLog: AccessLog(), tls: tls,
            diagnostics: { level, message in
                switch level {
                case .debug: diagnostics.debug("\(message)")
                case .info: diagnostics.info("\(message)")
                case .warning: diagnostics.warning("\(message)")
                case .error: diagnostics.error("\(message)")
                }
            }
        )
        do {
            try server.start()
        } catch {
            logger.critical("cannot listen", metadata: ["error": "\(error)"])
            UTCTimestamp.writeToStandardError("accord: cannot listen on \(configuration.server.host):\(configuration.server.port): \(error)")
            throw ExitCode(1)
        }
        application.metrics.attach(server.statistics)
        logger.info("accord listening", metadata: [
            "address": "\(configuration.server.host):\(server.port)", "threads": "\(configuration.server.threads)",
            "seeds": "\(seedsDirectory)", "dataset": "\(dataset.version.prefix(12))",
            "articles": "\(dataset.knowledgeBase.articles.count)", "loadMs": "\(dataset.loadMilliseconds)",
            "tls": "\(configuration.server.tls != nil)",
        ])
        installSignalHandlers(server: server, application: application)
        server.waitUntilStopped()
        logger.info("accord stopped")
    }

    /// The web explorer's files, if a `web/` directory is found (see ``ResourceLocator``).
    /// Without it, or with a file missing, Accord serves the API alone (`/` stays JSON).
    func loadExplorer() -> StaticFiles? {
        guard let directory = ResourceLocator.find("web", containing: StaticFiles.pageName) else {
            logger.info("explorer disabled: no web/ directory beside the binary or in the checkout")
            return nil
        }
        do throws(StaticFiles.Failure) {
            let files = try StaticFiles(directory: directory)
            logger.debug("explorer loaded", metadata: ["web": "\(directory)", "bytes": "\(files.byteCount)"])
            return files
        } catch {
            logger.error("explorer disabled: incomplete web/ directory", metadata: ["web": "\(directory)", "problem": "\(error)"])
            return nil
        }
    }

    func installSignalHandlers(server: HTTPServer, application: Application) {
        for signalNumber in [SIGTERM, SIGINT, SIGHUP] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: signalQueue)
            source.setEventHandler { [self] in
                if signalNumber == SIGHUP {
                    reload(application)
                } else {
                    logger.info("draining", metadata: ["signal": "\(signalNumber == SIGTERM ? "SIGTERM" : "SIGINT")",
                                                        "drainSeconds": "\(configuration.server.drainSeconds)"])
                    application.beginDraining()
                    server.shutdown()
                }
            }
            source.resume()
            sources.append(source)
        }
    }

    /// SIGHUP: load and validate the seeds again; swap only if they are clean.
    func reload(_ application: Application) {
        switch DatasetLoader.load(directory: seedsDirectory, strict: configuration.strict) {
        case .success(let dataset):
            application.replace(dataset: dataset)
            application.metrics.recordReload(success: true)
            logger.info("reloaded seeds", metadata: ["dataset": "\(dataset.version.prefix(12))", "loadMs": "\(dataset.loadMilliseconds)"])
        case .failure(let failure):
            application.metrics.recordReload(success: false)
            logger.error("reload rejected; still serving the previous seeds", metadata: ["errors": "\(failure.description)"])
        }
    }
}
