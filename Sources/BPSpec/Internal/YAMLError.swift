/// Why a YAML text could not be read into a node tree: libyaml's own words and place, or the
/// composer's.
enum YAMLError: Error {
    /// A syntax error from libyaml's scanner or parser, or the composer's (an undefined alias,
    /// a second document): what was being read, the problem, and where.
    case syntax(context: String?, problem: String, mark: YAMLNode.Mark)
    /// Keys written more than once in one mapping, sorted, and the first place of the first.
    case duplicateKeys([String], mark: YAMLNode.Mark)
    /// Lists and mappings nested deeper than the limit, at the first one past it.
    case tooDeep(mark: YAMLNode.Mark)
    /// libyaml's reader refused the text (a control character, say).
    case reader(problem: String)
    /// libyaml ran out of memory.
    case memory
}
