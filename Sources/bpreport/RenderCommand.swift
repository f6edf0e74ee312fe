import ArgumentParser

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "render", abstract: "Render specs to Markdown and HTML reports.")
    func run() throws {}
}
