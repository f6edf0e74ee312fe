import ArgumentParser

/// `bpreport`: worked backpropagation solutions from network specs.
@main
struct BPReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bpreport",
        abstract: "Turn a neural-network spec into the worked backpropagation solution.",
        subcommands: [RenderCommand.self, RunCommand.self, CheckCommand.self],
        defaultSubcommand: RenderCommand.self
    )
}
