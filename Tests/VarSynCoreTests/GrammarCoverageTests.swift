// Rule tracing exists only in debug builds (it is compiled away in release builds), so this suite does too.
#if DEBUG
    import Foundation
    import Testing

    @testable import VarSynCore

    /// `Grammars/hgvs.ebnf` and `Grammars/shorthand.ebnf` are normative: their rules are exactly the parser's rules,
    /// and every rule is entered by at least one accepted and one rejected example written under it.
    @Suite struct GrammarCoverageTests {
        struct Rule {
            var name: String
            var file: String
            var accepted: [String] = []
            var rejected: [String] = []
        }

        /// Rule definitions start a line (`name = …`); examples are `(* ok: … *)` / `(* bad: … *)` lines after them.
        static func rules(_ file: String) throws -> [Rule] {
            let text = try String(
                contentsOf: TestPaths.packageRoot.appendingPathComponent("Grammars/\(file)"), encoding: .utf8)
            var rules: [Rule] = []
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if let first = line.first, first.isLetter, let eq = line.firstIndex(of: "=") {
                    let name = line[..<eq].trimmingCharacters(in: .whitespaces)
                    if name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
                        rules.append(Rule(name: name, file: file))
                    }
                    continue
                }
                for (marker, accepted) in [("(* ok: ", true), ("(* bad: ", false)]
                where trimmed.hasPrefix(marker) && trimmed.hasSuffix(" *)") {
                    let example = String(trimmed.dropFirst(marker.count).dropLast(3))
                    guard !rules.isEmpty else { continue }
                    if accepted {
                        rules[rules.count - 1].accepted.append(example)
                    } else {
                        rules[rules.count - 1].rejected.append(example)
                    }
                }
            }
            return rules
        }

        static func allRules() throws -> [Rule] { try rules("hgvs.ebnf") + rules("shorthand.ebnf") }

        /// Parse under a rule trace: (accepted, rules entered).
        static func traced(_ text: String, _ options: ParserOptions) -> (Bool, Set<GrammarRule>) {
            let trace = RuleTrace()
            let ok = RuleTrace.$current.withValue(trace) { (try? HGVSParser.parse(text, options: options)) != nil }
            return (ok, trace.entered)
        }

        @Test func grammarRulesAreExactlyTheParsersRules() throws {
            let names = try Self.allRules().map(\.name)
            #expect(Set(names).count == names.count, "a rule is defined twice")
            let grammar = Set(names)
            let parser = Set(GrammarRule.allCases.map(\.rawValue))
            #expect(
                grammar.subtracting(parser).isEmpty,
                "rules in the grammar the parser does not name: \(grammar.subtracting(parser).sorted())")
            #expect(
                parser.subtracting(grammar).isEmpty,
                "parser rules missing from the grammar: \(parser.subtracting(grammar).sorted())")
        }

        @Test func everyRuleIsExercisedByAnAcceptedAndARejectedInput() throws {
            let rules = try Self.allRules()
            var problems: [String] = []
            var examples = 0
            for rule in rules {
                guard let grammarRule = GrammarRule(rawValue: rule.name) else { continue }
                let options: ParserOptions = rule.file == "hgvs.ebnf" ? .strict : .lenient
                var acceptedExercise = false
                var rejectedExercise = false
                for example in rule.accepted {
                    examples += 1
                    let (ok, entered) = Self.traced(example, options)
                    if !ok { problems.append("\(rule.name): ok example rejected: \(example)") }
                    if ok && entered.contains(grammarRule) { acceptedExercise = true }
                }
                for example in rule.rejected {
                    examples += 1
                    let (ok, entered) = Self.traced(example, options)
                    if ok { problems.append("\(rule.name): bad example accepted: \(example)") }
                    if !ok && entered.contains(grammarRule) { rejectedExercise = true }
                }
                if !acceptedExercise { problems.append("\(rule.name): no accepted example enters the rule") }
                if !rejectedExercise { problems.append("\(rule.name): no rejected example enters the rule") }
            }
            print(
                "grammar coverage: \(rules.count) rules (hgvs.ebnf + shorthand.ebnf), \(examples) examples; \(problems.count) problems"
            )
            for problem in problems { print("  \(problem)") }
            #expect(problems.isEmpty)
        }
    }
#endif
