/// The shorthand front end.
enum ShorthandReader {
    static func addLegacyReadings(_ reading: inout Reading, _ others: inout [Reading], parser: Parser) {}
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, hgvsError: ParseError) throws(ParseError) -> ParsedExpression {
        throw hgvsError
    }
}
