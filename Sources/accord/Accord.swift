import ArgumentParser

@main
struct Accord: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accord",
        abstract: "A sourced, queryable record of the diplomacy around security guarantees for Ukraine, served as a JSON API.",
        subcommands: [Serve.self, Validate.self, Extract.self, Healthcheck.self],
        defaultSubcommand: Serve.self
    )
}
