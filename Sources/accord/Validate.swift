import API
import ArgumentParser
import HTTP
import Store

/// `accord validate`: load the seeds, print what was found, exit non-zero on any error.
/// It reads the configuration `serve` reads (file, ACCORD_* environment, flags), so a check
/// in CI applies the limits production applies (`limits.maxArticleBytes`, `strict`, `seeds`).
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load and check a seeds directory with serve's configuration; print a summary and candidate entity names."
    )

    @Option(help: "Seeds directory (default: the configuration's, else the repository's or the installed seeds/).")
    var seeds: String?

    @Option(help: "JSON configuration file, as for serve (see config/accord.json).")
    var config: String?

    @Flag(help: "Treat unreadable article files as errors.")
    var strict = false

    func run() throws {
        var flags: [ConfigurationLoader.Flag] = []
        if let seeds { flags.append(("--seeds", "seeds", seeds)) }
        if strict { flags.append(("--strict", "strict", "true")) }
        let settings: AccordConfiguration
        do throws(ConfigurationError) {
            settings = try ConfigurationLoader.load(file: config, environment: ProcessEnvironment.variables(), flags: flags)
        } catch {
            UTCTimestamp.writeToStandardError("accord: configuration error: \(error)")
            throw ExitCode(2)
        }
        let directory = settings.seeds ?? ResourceLocator.seeds()
        let result: SeedLoadResult
        do throws(SeedLoadFailure) {
            result = try SeedLoader(directory: directory, strict: settings.strict, maxArticleBytes: settings.maxArticleBytes).load()
        } catch {
            print(ValidationSummary(failure: error).text, terminator: "")
            throw ExitCode(1)
        }
        let summary = ValidationSummary(result: result)
        print(summary.text, terminator: "")
        // The exit code follows the printed verdict, whatever made it.
        if !summary.isOK { throw ExitCode(1) }
    }
}
