import ArgumentParser
import Store

/// `accord validate`: load the seeds, print what was found, exit non-zero on any error.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load and check a seeds directory; print a summary and candidate entity names."
    )

    @Option(help: "Seeds directory (default: the repository's or the installed seeds/).")
    var seeds: String?

    @Flag(help: "Treat unreadable article files as errors.")
    var strict = false

    func run() throws {
        let directory = seeds ?? ResourceLocator.seeds()
        let result: SeedLoadResult
        do throws(SeedLoadFailure) {
            result = try SeedLoader(directory: directory, strict: strict).load()
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
