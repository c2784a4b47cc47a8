/// An accessible HTML table of a chart's data: `<caption>`, column headers and row headers with `scope`, everything escaped.
struct DataTable {
    var stem: String
    var caption: String
    var columns: [String]
    /// Each row starts with its header cell.
    var rows: [[String]] = []
    /// Extra rows after the data, under a group heading (e.g. "Events").
    var groups: [(heading: String, rows: [[String]])] = []

    /// The `<table>`.
    func html() -> String {
        // Gathered as UTF-8 bytes and made a String once (see `SVGWriter`).
        var out = SVGWriter(capacity: 256 + 64 * rows.count)
        out.raw("<table class=\"fd-chart-data\" id=\"")
        out.raw(stem)
        out.raw("-data\"><caption>")
        out.raw(Escape.xml(caption))
        out.raw("</caption>\n<thead><tr>")
        for column in columns {
            out.raw("<th scope=\"col\">")
            out.raw(Escape.xml(column))
            out.raw("</th>")
        }
        out.raw("</tr></thead>\n<tbody>\n")
        if rows.isEmpty {
            out.raw("<tr><td colspan=\"")
            out.raw(String(max(columns.count, 1)))
            out.raw("\">No data</td></tr>\n")
        }
        for row in rows { Self.row(row, width: columns.count, into: &out) }
        out.raw("</tbody>\n")
        for group in groups where !group.rows.isEmpty {
            out.raw("<tbody><tr><th scope=\"rowgroup\" colspan=\"")
            out.raw(String(max(columns.count, 1)))
            out.raw("\">")
            out.raw(Escape.xml(group.heading))
            out.raw("</th></tr>\n")
            for row in group.rows { Self.row(row, width: columns.count, into: &out) }
            out.raw("</tbody>\n")
        }
        out.raw("</table>")
        return out.text
    }

    private static func row(_ cells: [String], width: Int, into out: inout SVGWriter) {
        guard let header = cells.first else { return }
        out.raw("<tr><th scope=\"row\">")
        out.raw(Escape.xml(header))
        out.raw("</th>")
        let rest = cells.dropFirst()
        for (index, cell) in rest.enumerated() {
            let span = index == rest.count - 1 && cells.count < width ? width - cells.count + 1 : 1
            if span > 1 {
                out.raw("<td colspan=\"")
                out.raw(String(span))
                out.raw("\">")
            } else {
                out.raw("<td>")
            }
            out.raw(Escape.xml(cell))
            out.raw("</td>")
        }
        out.raw("</tr>\n")
    }
}
