import Foundation
import Testing
@testable import OmsorgDetection

@Suite("Model tables from CSV")
struct DesignTableCSVTests {
    private func read(_ text: String, outcome: String = "y", weights: String? = nil) throws(TableError) -> DesignTable {
        try DesignTable(csv: Data(text.utf8), outcome: outcome, weights: weights)
    }

    private func refusal(_ text: String, outcome: String = "y", weights: String? = nil) -> TableError? {
        do {
            _ = try read(text, outcome: outcome, weights: weights)
            return nil
        } catch { return error }
    }

    @Test func readsColumnsInHeaderOrder() throws {
        let table = try read("a,y,b,w\r\n1,0,2.5,3\r\n-1,1, 0.25 ,1\r\n\"4\",1,1e-3,0.5\r\n", weights: "w")
        #expect(table.columnNames == ["a", "b"])
        #expect(table.values == [1, -1, 4, 2.5, 0.25, 0.001])
        #expect(table.outcome == [0, 1, 1])
        #expect(table.weights == [3, 1, 0.5])
        #expect(try read("y,x\n1,2\n0,3\n").weights == nil)
    }

    @Test func numbersAreReadExactly() throws {
        let texts = ["0.1", "-2.5E+2", "123456789012345678", "0.12345678901234567", "1.7976931348623157e308", "4.9e-324",
                     "+.5", "5.", "0.000000000000000000000000001", "9007199254740993", "00012"]
        let table = try read("y,x\n" + texts.map { "1,\($0)" }.joined(separator: "\n") + "\n")
        #expect(table.values == texts.map { Double($0)! })
    }

    @Test func textAndNonFiniteValuesAreRefusedByLineAndColumn() {
        let error = refusal("y,age,income\n1,3,100\n0,three,200\n1,4,nan\n0,5,1e999\n1,6,0x10\n")
        #expect(error == .rows([
            .init(line: 3, column: "age", message: "'three' is not a number"),
            .init(line: 4, column: "income", message: "'nan' is not a number"),
            .init(line: 5, column: "income", message: "'1e999' is too large for a number"),
            .init(line: 6, column: "income", message: "'0x10' is not a number"),
        ], total: 4))
        #expect(error!.description.contains("line 3, column age: 'three' is not a number"))
    }

    @Test func anEmptyColumnIsRefusedRowByRow() {
        let error = refusal("y,a,empty\n1,1,\n0,2,\n")
        #expect(error == .rows([
            .init(line: 2, column: "empty", message: "empty value; every cell must hold a number"),
            .init(line: 3, column: "empty", message: "empty value; every cell must hold a number"),
        ], total: 2))
    }

    @Test func outcomeMustBeZeroOrOne() {
        let error = refusal("a,y\n1,1\n2,2\n3,-1\n4,1.0\n5,\n")
        #expect(error == .rows([
            .init(line: 3, column: "y", message: "the outcome must be 0 or 1, not '2'"),
            .init(line: 4, column: "y", message: "the outcome must be 0 or 1, not '-1'"),
            .init(line: 6, column: "y", message: "empty value; every cell must hold a number"),
        ], total: 3))
    }

    @Test func weightsMustBePositive() {
        let error = refusal("a,y,w\n1,1,2\n2,0,0\n3,1,-1\n", weights: "w")
        #expect(error == .rows([
            .init(line: 3, column: "w", message: "a weight must be a positive number, not '0'"),
            .init(line: 4, column: "w", message: "a weight must be a positive number, not '-1'"),
        ], total: 2))
    }

    @Test func headerProblems() {
        #expect(refusal("a,b\n1,2\n") == .missingColumn("y", role: "outcome", available: ["a", "b"]))
        #expect(refusal("a,b\n1,2\n")!.description == "There is no column 'y' for the outcome; the header has 'a', 'b'.")
        #expect(refusal("a,y\n1,0\n", weights: "w") == .missingColumn("w", role: "weights", available: ["a", "y"]))
        #expect(refusal("a,y\n1,0\n", weights: "y") == .sameColumn("y"))
        #expect(refusal("a,,y\n1,2,0\n") == .unnamedColumn(position: 2))
        #expect(refusal("a,a,y\n1,2,0\n") == .repeatedColumn("a"))
        #expect(refusal("intercept,y\n1,0\n") == .reservedName("intercept"))
        #expect(refusal("") == .empty)
        #expect(refusal("a,y\n") == .noRows)
    }

    @Test func rowsOfTheWrongLength() {
        #expect(refusal("a,y\n1,0\n1,0,3\n2\n") == .rows([
            .init(line: 3, column: nil, message: "expected 2 fields, as the header has, found 3"),
            .init(line: 4, column: nil, message: "expected 2 fields, as the header has, found 1"),
        ], total: 2))
    }

    @Test func aReadTableFits() throws {
        var text = "x,y\n"
        for (x, count) in [(0, (10, 30)), (1, (20, 20))] {
            text += String(repeating: "\(x),1\n", count: count.0) + String(repeating: "\(x),0\n", count: count.1)
        }
        let fit = try LogisticRegression().fit(try read(text))
        #expect(abs(fit.coefficient("x")!.estimate - log(3.0)) < 1e-12)
        #expect(fit.patterns == 4)
    }
}
