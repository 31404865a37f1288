#if canImport(Glibc)
import Glibc
#endif
import API
import ArgumentParser
import COpenSSL
import Dispatch
import HTTP
import Logging
import Store

/// Wires configuration, seeds, application and engine together, and owns the signal handlers.
final class ServerRunner: @unchecked Sendable {
    // @unchecked Sendable: `phase`, `sources`, `stopping`, `draining` and the reload flags are only touched on `signalQueue` (serial).
    let configuration: AccordConfiguration
    let logger: Logger
    let seedsDirectory: String
    let signalQueue = DispatchQueue(label: "accord.signals")
    /// Reloads run on the main thread, off `signalQueue`, so a SIGTERM during a long reload is
    /// handled at once. The main thread is otherwise idle once the event loops are up. A load's
    /// serial part (assembly, the merge of extracted events, the indexes, the search index) runs
    /// on the thread that calls it; on the main thread its scratch goes to glibc's main arena,
    /// the one arena whose free top `malloc_trim` gives back (the per-article parallel part still
    /// runs on pool threads). With the load on a pool thread, RSS after a reload was 1.22-1.32x
    /// the first load's at 10,000 synthetic articles; on the main thread, with the trim threshold
    /// lowered while a compaction's originals are freed (`DatasetLoader`), 1.00-1.18x.
    let mainThread = JobQueue()
    var sources: [DispatchSourceSignal] = []
    /// A reload is running; another SIGHUP meanwhile asks for one more after it (not one per signal).
    var reloading = false
    var reloadAgain = false
    /// What the start-up load left to free (``loadInitialDataset()``). Kept here, not in a local
    /// of `run()` beside the dataset: a local of `run()` lives as long as the server.
    var startupCleanup = DatasetLoader.Cleanup()

    /// What a signal means depends on how far the process is.
    enum Phase {
        case starting
        case serving(HTTPServer, Application)
        /// The server has stopped; the process is leaving. No signal starts anything any more.
        case stopped
    }

    var phase = Phase.starting
    /// A SIGTERM's shutdown delay is running; a second SIGTERM (or SIGINT) drains at once.
    var stopping = false
    /// The drain has begun; a further SIGTERM or SIGINT ends it at once.
    var draining = false

    /// `--web`: a development copy of the explorer instead of the `web/` beside the binary.
    let webDirectory: String?

    init(configuration: AccordConfiguration, logger: Logger, webDirectory: String? = nil) {
        self.configuration = configuration
        self.logger = logger
        self.seedsDirectory = configuration.seeds ?? ResourceLocator.seeds()
        self.webDirectory = webDirectory
    }

    func run() throws {
        // SIGTERM may end the process while a reload thread is inside libcrypto (SHA-256 of the
        // seeds): OpenSSL must not tear itself down at exit under it (TSan caught the crash).
        _ = accord_OPENSSL_init_no_atexit()
        // Signals are live before the (possibly long) load: SIGHUP is ignored, SIGTERM exits.
        signalQueue.sync { installSignalHandlers() }
        // The first dataset goes straight into the application, never into a local of this
        // function, which lives as long as the server: a local kept it alive after the first
        // reload replaced it (RSS grew by a whole dataset).
        let application = Application(
            dataset: try loadInitialDataset(), cors: CORSPolicy(allowedOrigins: configuration.corsOrigins, allowedHeaders: configuration.corsHeaders),
            web: loadExplorer(), publicURL: configuration.server.publicURL, maxResponseBytes: configuration.maxResponseBytes, logger: logger
        )
        // What the load left to free is reported from the first request on (`accord_load_cleanup_pending`).
        let cleanup = startupCleanup
        application.metrics.attach(cleanup: cleanup)
        var tls: TLSContext?
        if let files = configuration.server.tls {
            do throws(TLSContext.Failure) {
                let context = try TLSContext(configuration: files)
                for warning in context.warnings { logger.warning("TLS: \(warning)") }
                tls = context
            } catch {
                logger.critical("TLS setup failed; not starting", metadata: ["file": "\(error.file)", "reason": "\(error.reason)"])
                UTCTimestamp.writeToStandardError("accord: TLS: \(error)")
                throw ExitCode(1)
            }
        }
        let diagnostics = logger
        let accessLog = AccessLog()
        let server = HTTPServer(
            configuration: configuration.server, responder: application, accessLog: accessLog, tls: tls,
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
            // The phase changes in the same step as the socket starts accepting: a SIGHUP sent
            // once /healthz has answered is a reload, never "ignored during start-up".
            try signalQueue.sync {
                try server.start()
                phase = .serving(server, application)
            }
        } catch {
            logger.critical("cannot listen", metadata: ["error": "\(error)"])
            UTCTimestamp.writeToStandardError("accord: cannot listen on \(configuration.server.host):\(configuration.server.port): \(error)")
            throw ExitCode(1)
        }
        application.metrics.attach(server.statistics, accessLog: accessLog)
        // What the load left to free (a compacted load's originals, then the trim) goes once the
        // server is serving: at 100,000 articles it took 1.5-2 s of one thread before it was ready.
        mainThread.submit { cleanup.run() }
        logger.info("accord listening", metadata: Self.loadMetadata(application.dataset).merging([
            "address": "\(configuration.server.host):\(server.port)", "threads": "\(configuration.server.threads)",
            "seeds": "\(seedsDirectory)", "articles": "\(application.dataset.knowledgeBase.articles.count)",
            "tls": "\(configuration.server.tls != nil)",
        ]) { $1 })
        // The main thread runs reloads until the server stops; a thread of its own waits for that.
        do {
            try LoopThread.spawn(name: "accord-wait") { [self] in
                waitForStop(server)
            }
        } catch {
            logger.critical("cannot start the shutdown waiter", metadata: ["error": "\(error)"])
            throw ExitCode(1)
        }
        // The server (and through it the application and the dataset) is released here, on the
        // main thread, not by the waiter as it ends while the process exits.
        withExtendedLifetime(server) {
            mainThread.runUntilFinished()
        }
    }

    /// Waits for the server to stop, then ends the main thread's job loop.
    func waitForStop(_ server: HTTPServer) {
        server.waitUntilStopped()
        logger.info("accord stopped")
        // A SIGTERM does not wait for a reload: the main thread may still be loading seeds.
        // Exit-time teardown (libc's, the runtime's and the C libraries' destructors) must not run
        // under it, so the process leaves without it. Logs are written unbuffered and the access
        // log was flushed by waitUntilStopped(); with no reload running, exit stays the normal one
        // (sanitizers report at exit).
        let reloadRunning = signalQueue.sync { () -> Bool in
            phase = .stopped
            return reloading
        }
        if reloadRunning {
            logger.info("exiting without waiting for the reload in progress")
            _exit(0)
        }
        mainThread.finish()
    }

    /// The seeds at start-up, with every skipped file logged; exits if they are rejected. What
    /// the load left to free is kept in ``startupCleanup``, to run once the server is serving.
    func loadInitialDataset() throws -> Dataset {
        let dataset: Dataset
        var cleanup: DatasetLoader.Cleanup?
        switch DatasetLoader.load(directory: seedsDirectory, strict: configuration.strict, maxArticleBytes: configuration.maxArticleBytes,
                                  cleanup: { cleanup = $0 }) {
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
        for warning in dataset.report.warnings where warning.isSkippedFile {
            logger.warning("skipped seed file", metadata: ["problem": "\(warning)"])
        }
        // `load` hands its cleanup over before it returns a dataset.
        startupCleanup = cleanup ?? DatasetLoader.Cleanup()
        return dataset
    }

    /// The web explorer's files, if a `web/` directory is found (see ``ResourceLocator``).
    /// Without it, or with a file missing, Accord serves the API alone (`/` stays JSON).
    func loadExplorer() -> StaticFiles? {
        guard let directory = webDirectory ?? ResourceLocator.find("web", containing: StaticFiles.pageName) else {
            logger.info("explorer disabled: no web/ directory beside the binary (or above it, in a checkout)")
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

    /// SIGTERM/SIGINT drain (or, during start-up, exit at once: nothing is served yet);
    /// SIGHUP reloads (or, during start-up, is logged and ignored). Runs on `signalQueue`.
    func installSignalHandlers() {
        for signalNumber in [SIGTERM, SIGINT, SIGHUP] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: signalQueue)
            source.setEventHandler { [self] in
                let name = signalNumber == SIGHUP ? "SIGHUP" : signalNumber == SIGTERM ? "SIGTERM" : "SIGINT"
                switch (phase, signalNumber == SIGHUP) {
                case (.starting, true):
                    logger.warning("SIGHUP during start-up ignored: the seeds are still loading")
                case (.starting, false):
                    logger.info("exiting during start-up", metadata: ["signal": "\(name)"])
                    _exit(0)
                case (.serving(let server, let application), true):
                    requestReload(application, server: server)
                case (.stopped, true):
                    logger.info("SIGHUP ignored: the server has stopped")
                case (.stopped, false):
                    _exit(0)
                case (.serving(let server, let application), false):
                    stop(server, application, signal: name, delay: signalNumber == SIGTERM && !stopping ? configuration.shutdownDelay : 0)
                }
            }
            source.resume()
            sources.append(source)
        }
    }

    /// SIGTERM: `/readyz` turns 503 at once and keep-alive connections are ended after their
    /// next response, while everything is still served for `delay` seconds (so load balancers
    /// take the replica out); then the server stops accepting and drains. A signal during the
    /// delay drains at once; one during the drain ends it at once. Runs on `signalQueue`.
    func stop(_ server: HTTPServer, _ application: Application, signal name: String, delay: Double) {
        guard !draining else {
            logger.info("the drain ends now", metadata: ["signal": "\(name)"])
            server.shutdownNow()
            return
        }
        application.beginDraining()
        server.closeConnectionsAfterNextResponse()
        guard delay > 0 else {
            logger.info("draining", metadata: ["signal": "\(name)", "drainSeconds": "\(configuration.server.drainSeconds)"])
            draining = true
            server.shutdown()
            return
        }
        stopping = true
        logger.info("not ready; still serving before the drain", metadata: ["signal": "\(name)", "shutdownDelay": "\(delay)"])
        signalQueue.asyncAfter(deadline: .now() + delay) { [self] in
            guard !draining else { return }
            logger.info("draining", metadata: ["drainSeconds": "\(configuration.server.drainSeconds)"])
            draining = true
            server.shutdown()
        }
    }

    /// What the start-up and reload log lines say of a loaded dataset: its version, the load's
    /// time and the copy's (``Dataset/compactionMilliseconds``; "none" when not compacted).
    static func loadMetadata(_ dataset: Dataset) -> Logger.Metadata {
        [
            "dataset": "\(dataset.version.prefix(12))", "loadMs": "\(dataset.loadMilliseconds)",
            "compactMs": "\(dataset.compactionMilliseconds.map { "\($0)" } ?? "none")",
        ]
    }

    /// SIGHUP, on `signalQueue`: starts a reload on the main thread, or, while one runs, asks for
    /// one more after it (the seeds may have changed again since it started).
    func requestReload(_ application: Application, server: HTTPServer) {
        guard !reloading else {
            reloadAgain = true
            logger.info("SIGHUP during a reload: another reload follows it")
            return
        }
        reloading = true
        mainThread.submit { [self] in
            reload(application, server: server)
            signalQueue.async { [self] in
                reloading = false
                if reloadAgain {
                    reloadAgain = false
                    requestReload(application, server: server)
                }
            }
        }
    }

    /// SIGHUP: load and validate the seeds again; swap only if they are clean. Articles the
    /// previous dataset served that the new one lacks are logged by file and counted.
    func reload(_ application: Application, server: HTTPServer) {
        reloadSeeds(application)
        guard let files = configuration.server.tls else { return }
        do throws(TLSContext.Failure) {
            let warnings = try server.reloadTLS(files)
            application.metrics.recordTLSReload(success: true)
            logger.info("reloaded the TLS certificate and key", metadata: ["certificate": "\(files.certificatePath)"])
            for warning in warnings { logger.warning("TLS: \(warning)") }
        } catch {
            application.metrics.recordTLSReload(success: false)
            logger.error("TLS reload rejected; still using the previous certificate and key",
                         metadata: ["file": "\(error.file)", "reason": "\(error.reason)"])
        }
    }

    func reloadSeeds(_ application: Application) {
        logger.info("reloading seeds", metadata: ["seeds": "\(seedsDirectory)"])
        switch DatasetLoader.load(directory: seedsDirectory, strict: configuration.strict, maxArticleBytes: configuration.maxArticleBytes) {
        case .success(let dataset):
            let before = Set(application.dataset.knowledgeBase.articles.map(\.file))
            let after = Set(dataset.knowledgeBase.articles.map(\.file))
            let lost = before.subtracting(after).sorted()
            for file in lost {
                let reason = dataset.report.skipped.first { $0.path.hasSuffix(file) }?.reason ?? "no longer in the seeds"
                logger.error("reload dropped an article the previous dataset served", metadata: ["file": "\(file)", "reason": "\(reason)"])
            }
            for error in dataset.report.errors {
                logger.error("skipped seed file", metadata: ["problem": "\(error)"])
            }
            application.replace(dataset: dataset)
            // The previous dataset is freed once its last request ends; most of it already is.
            DatasetLoader.releaseFreedMemory()
            application.metrics.recordReload(success: true, droppedArticles: lost.count)
            logger.info("reloaded seeds", metadata: Self.loadMetadata(dataset).merging([
                "droppedArticles": "\(lost.count)", "skippedFiles": "\(dataset.report.skipped.count)",
            ]) { $1 })
        case .failure(let failure):
            application.metrics.recordReload(success: false, droppedArticles: 0)
            logger.error("reload rejected; still serving the previous seeds", metadata: ["errors": "\(failure.description)"])
        }
    }
}
