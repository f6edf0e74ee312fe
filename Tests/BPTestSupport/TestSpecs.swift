/// Spec texts several test targets use.
public enum TestSpecs {
    /// The contract's example network (two identity layers, half_sse, lr 0.01), without a
    /// title: by hand, z2 = (0, 8, 1), z3 = (15, -4), L = 109, delta3 = (13, -7).
    public static let contractNetwork = """
    input: [1, 1]
    target: [2, 3]
    layers:
      - {weights: [[1, -2], [2, 4], [-3, 1]], bias: [1, 2, 3], activation: identity}
      - {weights: [[1, 2, -3], [2, -1, 3]], bias: [2, 1], activation: identity}
    loss: half_sse
    learning_rate: 0.01
    """

    /// Two layers without a bias (`bias: none`, and none written): by hand, z2 = (-1, 5/2),
    /// a2 = (0, 5/2), z3 = -5/2, L = 49/8.
    public static let noBias = """
    input: [1, 2]
    target: [1]
    layers:
      - {weights: [[1, -1], [0.5, 1]], bias: none, activation: relu}
      - {weights: [[2, -1]], activation: identity}
    loss: half_sse
    learning_rate: 0.1
    """
}
