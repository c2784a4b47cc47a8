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
        var out = "<table class=\"fd-chart-data\" id=\"" + stem + "-data\"><caption>" + Escape.xml(caption) + "</caption>\n<thead><tr>"
        for column in columns { out += "<th scope=\"col\">" + Escape.xml(column) + "</th>" }
        out += "</tr></thead>\n<tbody>\n"
        if rows.isEmpty {
            out += "<tr><td colspan=\"" + String(max(columns.count, 1)) + "\">No data</td></tr>\n"
        }
        for row in rows { out += Self.row(row, width: columns.count) }
        out += "</tbody>\n"
        for group in groups where !group.rows.isEmpty {
            out += "<tbody><tr><th scope=\"rowgroup\" colspan=\"" + String(max(columns.count, 1)) + "\">"
                + Escape.xml(group.heading) + "</th></tr>\n"
            for row in group.rows { out += Self.row(row, width: columns.count) }
            out += "</tbody>\n"
        }
        return out + "</table>"
    }

    private static func row(_ cells: [String], width: Int) -> String {
        guard let header = cells.first else { return "" }
        var out = "<tr><th scope=\"row\">" + Escape.xml(header) + "</th>"
        let rest = cells.dropFirst()
        for (index, cell) in rest.enumerated() {
            let span = index == rest.count - 1 && cells.count < width ? width - cells.count + 1 : 1
            out += span > 1 ? "<td colspan=\"" + String(span) + "\">" : "<td>"
            out += Escape.xml(cell) + "</td>"
        }
        return out + "</tr>\n"
    }
}
