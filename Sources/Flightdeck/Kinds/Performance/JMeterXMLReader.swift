/// Reads a JMeter results file (JTL) written as XML, streaming: `<testResults>` holding one `<httpSample>` or
/// `<sample>` per sample, with `t` (elapsed milliseconds), `ts` (start, milliseconds since 1970), `s`
/// (success) and `lb` (label) attributes.
///
/// Only the top-level samples count: a sample nested in another (a transaction's requests, a request's
/// redirects and embedded resources) is part of its parent, as in JMeter's own Aggregate Report.
enum JMeterXMLReader {
    /// The attributes a sample must have, with what each holds.
    private static let required: [(name: String, meaning: String)] = [
        ("t", "elapsed milliseconds"), ("ts", "the start, milliseconds since 1970"), ("s", "success, true or false"), ("lb", "the label"),
    ]

    /// The run, or nil (with the errors logged) when the file cannot be read.
    static func read(_ source: XMLByteSource, path: String, log: DiagnosticLog) -> LoadTestRun? {
        let tokenizer = XMLTokenizer(source, path: path)
        let problems = LoadTestProblems(log: log, path: path)
        var samples = JMeterSamples()
        var depth = 0
        var warned = Set<String>()
        do {
            while let token = try tokenizer.next() {
                switch token {
                case .start(let name, let attributes, let location, _):
                    depth += 1
                    if depth == 1, name != "testResults" {
                        log.error("expected <testResults> as the root of a JMeter results file, found <\(name)>", at: location)
                        return nil
                    }
                    guard depth == 2 else { continue }
                    if name == "httpSample" || name == "sample" {
                        add(name, attributes, at: location, to: &samples, problems: problems)
                    } else if warned.insert(name).inserted {
                        log.warning("<\(name)> in <testResults> is not a sample; only <httpSample> and <sample> are read", at: location)
                    }
                case .end:
                    depth -= 1
                case .text:
                    continue
                }
            }
        } catch {
            log.report(contentsOf: error.diagnostics)
            return nil
        }
        problems.finish()
        if samples.isEmpty, problems.count == 0 { log.error("JMeter results file has no samples", at: .file(path)) }
        guard problems.count == 0, !samples.isEmpty else { return nil }
        return samples.run(path: path, format: .jmeterXML)
    }

    /// Adds one sample, or reports each missing or malformed attribute.
    private static func add(_ element: String, _ attributes: [(name: String, value: String)], at location: SourceLocation,
                            to samples: inout JMeterSamples, problems: LoadTestProblems) {
        func value(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
        var ok = true
        for attribute in required where value(attribute.name) == nil {
            problems.error("<\(element)> has no '\(attribute.name)' attribute (\(attribute.meaning)); JMeter writes it unless "
                + "its jmeter.save.saveservice property turns it off", at: location)
            ok = false
        }
        guard ok, let t = value("t"), let ts = value("ts"), let s = value("s"), let label = value("lb") else { return }
        let elapsed = Double(t), stamp = Double(ts)
        let success: Bool? = ["true": true, "false": false][s.lowercased()]
        if elapsed == nil || (elapsed ?? 0) < 0 || elapsed?.isFinite == false {
            problems.error("'t' must be milliseconds (a number ≥ 0), found \"\(t)\"", at: location)
        }
        if stamp == nil || stamp?.isFinite == false {
            problems.error("'ts' must be milliseconds since 1970, found \"\(ts)\"", at: location)
        }
        if success == nil { problems.error("'s' must be true or false, found \"\(s)\"", at: location) }
        guard let elapsed, elapsed >= 0, elapsed.isFinite, let stamp, stamp.isFinite, let success else { return }
        samples.add(label: label, elapsed: elapsed, timeStamp: stamp, success: success)
    }
}
