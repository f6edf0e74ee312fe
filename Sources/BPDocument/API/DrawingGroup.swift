extension Drawing {
    /// Items that belong together (the edges, the weight labels), with a style they inherit.
    public struct Group: Sendable, Equatable {
        /// What the items are, as `edges` or `weights`, for a writer's style sheet.
        public var className: String?
        /// What the items inherit where they set nothing themselves.
        public var style: Style
        /// The items, in order.
        public var items: [Item]

        /// A group of `items` with the style they inherit.
        public init(className: String? = nil, style: Style = Style(), items: [Item] = []) {
            self.className = className
            self.style = style
            self.items = items
        }
    }
}
