/// A small dense symmetric matrix: a model's information matrix, one row and column per
/// coefficient. Both triangles are stored, so that a row is contiguous whichever side is read.
public struct SymmetricMatrix: Sendable, Equatable {
    public let order: Int
    /// Row-major, `order × order`.
    public private(set) var elements: [Double]

    public init(order: Int) {
        self.order = order
        elements = Array(repeating: 0, count: order * order)
    }

    /// Takes the upper triangle of `elements` (row-major) and mirrors it below the diagonal.
    init(order: Int, upper elements: [Double]) {
        precondition(elements.count == order * order, "an order × order matrix")
        self.order = order
        self.elements = elements
        for row in 0..<order {
            for column in 0..<row { self.elements[row * order + column] = self.elements[column * order + row] }
        }
    }

    public subscript(row: Int, column: Int) -> Double {
        get { elements[row * order + column] }
        set {
            elements[row * order + column] = newValue
            elements[column * order + row] = newValue
        }
    }

    /// The matrix of the rows and columns `indices`, in that order.
    func restricted(to indices: [Int]) -> SymmetricMatrix {
        var result = SymmetricMatrix(order: indices.count)
        for (row, i) in indices.enumerated() {
            for (column, j) in indices.enumerated() { result.elements[row * indices.count + column] = self[i, j] }
        }
        return result
    }
}
