/// The script the server adds to every HTML page it serves (never to files on disk): it listens to
/// `/__flightdeck/events`, reloads the page or swaps stylesheets after a rebuild, and shows the
/// diagnostics of a failed build over the page, each with its place, source line and caret, in a shadow root the
/// site's styles cannot reach; the next good build closes it. Text goes in through `textContent` only, so it is
/// never parsed as HTML.
enum LiveReloadScript {
    /// Where the script is served.
    static let path = "/__flightdeck/live-reload.js"
    /// Where the events are served.
    static let eventsPath = "/__flightdeck/events"
    /// What is added before `</body>`.
    static let tag = "<script src=\"\(path)\"></script>"

    /// Adds the script tag before the last `</body>` (any case), else at the end of the document.
    static func inject(into html: [UInt8]) -> [UInt8] {
        let needle = Array("</body".utf8)
        var index = html.count - needle.count
        while index >= 0 {
            if zip(html[index..<index + needle.count], needle).allSatisfy({ lowercased($0) == $1 }) {
                return Array(html[..<index]) + Array(tag.utf8) + Array(html[index...])
            }
            index -= 1
        }
        return html + Array(tag.utf8)
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }

    /// The script's source.
    static let source = #"""
    (() => {
      "use strict";
      let source = null, version = null, overlay = null;

      function connect() {
        if (source) return;
        source = new EventSource("\#(eventsPath)");
        source.addEventListener("hello", (e) => {
          if (version !== null && e.data !== version) { location.reload(); return; }
          version = e.data;
          hideOverlay();
        });
        source.addEventListener("reload", () => location.reload());
        source.addEventListener("css", (e) => { version = e.data; hideOverlay(); swapStylesheets(); });
        // Connection errors are plain Events; the server's "error" events carry data.
        source.addEventListener("error", (e) => { if (e instanceof MessageEvent) showOverlay(e.data); });
      }

      function disconnect() {
        if (source) { source.close(); source = null; }
      }

      // Hidden tabs let go of their connection: browsers allow only six per host.
      document.addEventListener("visibilitychange", () => document.hidden ? disconnect() : connect());
      if (!document.hidden) connect();

      function swapStylesheets() {
        const stamp = String(Date.now());
        for (const link of document.querySelectorAll('link[rel~="stylesheet"]')) {
          const url = new URL(link.href, location.href);
          if (url.origin !== location.origin) continue;
          url.searchParams.set("flightdeck-reload", stamp);
          link.href = url.href;
        }
      }

      // The overlay lives in a shadow root: the site's styles (a `pre` or `div` rule) cannot reach it, and its
      // own style sheet is a constructed one, which the theme's Content-Security-Policy (style-src 'self') allows.
      const OVERLAY_CSS = `
        :host { all: initial !important; position: fixed !important; inset: 0 !important; z-index: 2147483647 !important;
          display: block !important; overflow: auto !important; box-sizing: border-box !important; padding: 2rem 1rem !important;
          background: rgba(255, 255, 255, .97) !important; color: #1f2328 !important; color-scheme: light dark;
          font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif !important; }
        .panel { max-width: 64rem; margin: 0 auto; }
        h2 { margin: 0 0 .25rem; font: 600 20px/1.3 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #b42318; }
        .hint { margin: 0 0 1.25rem; color: #59636e; }
        .diagnostic { margin: 0 0 1rem; padding: .75rem 1rem; border: 1px solid #d0d7de; border-left: 4px solid #b42318;
          border-radius: 6px; background: #f6f8fa; }
        .diagnostic.warning, .diagnostic.note { border-left-color: #8a5a00; }
        .head { margin: 0; font-family: ui-monospace, Menlo, Consolas, "Liberation Mono", monospace; font-size: 14px;
          overflow-wrap: anywhere; }
        .place { font-weight: 700; }
        .severity { font-weight: 700; color: #b42318; }
        .warning .severity, .note .severity { color: #8a5a00; }
        pre { margin: .5rem 0 0; padding: .5rem .75rem; overflow-x: auto; border-radius: 4px; background: #ffffff;
          color: #1f2328; border: 1px solid #d0d7de; font: 14px/1.45 ui-monospace, Menlo, Consolas, "Liberation Mono", monospace;
          white-space: pre; tab-size: 4; }
        .gutter { color: #59636e; user-select: none; }
        .caret { color: #b42318; font-weight: 700; }
        @media (prefers-color-scheme: dark) {
          :host { background: rgba(13, 17, 23, .97) !important; color: #e6edf3 !important; }
          h2, .severity, .caret { color: #ff8a80; }
          .warning .severity, .note .severity { color: #f2c14e; }
          .hint, .gutter { color: #9198a1; }
          .diagnostic { background: #161b22; border-color: #30363d; border-left-color: #ff8a80; }
          .diagnostic.warning, .diagnostic.note { border-left-color: #f2c14e; }
          pre { background: #0d1117; color: #e6edf3; border-color: #30363d; }
        }`;

      function element(tag, className, text) {
        const node = document.createElement(tag);
        if (className) node.className = className;
        if (text !== undefined) node.textContent = text;
        return node;
      }

      // Compiler-style diagnostics: `file:line:column: error: message`, then optionally the source line
      // `12 | text` and a caret line `   |    ^`, as the terminal shows them.
      function parseDiagnostics(text) {
        const items = [];
        for (const line of text.split("\n")) {
          const placed = /^(.+?:\d+:\d+): (error|warning|note): (.*)$/.exec(line);
          const unplaced = placed ? null : /^(error|warning|note): (.*)$/.exec(line);
          const source = /^(\d+) \| (.*)$/.exec(line);
          const caret = /^( +)\| (.*)$/.exec(line);
          const last = items[items.length - 1];
          if (placed || unplaced) {
            items.push(placed ? { place: placed[1], severity: placed[2], message: placed[3] }
                              : { place: "", severity: unplaced[1], message: unplaced[2] });
          } else if (source && last && last.place && last.source === undefined) {
            last.number = source[1]; last.source = source[2];
          } else if (caret && last && last.source !== undefined && last.caret === undefined) {
            last.caret = caret[2];
          } else if (line.trim() !== "") {
            if (last && last.source === undefined) last.message += "\n" + line;
            else items.push({ place: "", severity: "note", message: line });
          }
        }
        return items;
      }

      function showOverlay(text) {
        hideOverlay();
        overlay = document.createElement("flightdeck-error-overlay");
        overlay.id = "flightdeck-error-overlay";
        overlay.setAttribute("role", "alertdialog");
        overlay.setAttribute("aria-label", "Build failed");
        const root = overlay.attachShadow({ mode: "open" });
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(OVERLAY_CSS);
        root.adoptedStyleSheets = [sheet];
        const panel = element("div", "panel");
        const items = parseDiagnostics(text);
        const errors = items.filter((d) => d.severity === "error").length;
        panel.append(element("h2", "", "Build failed \u2014 showing the last good site"),
          element("p", "hint", (errors === 1 ? "1 error" : errors + " errors") +
            ". Fix the file and save: the page updates by itself, and this closes. Esc hides it."));
        for (const item of items) {
          const box = element("section", "diagnostic " + item.severity);
          const head = element("p", "head");
          if (item.place) head.append(element("span", "place", item.place), ": ");
          head.append(element("span", "severity", item.severity), ": ", element("span", "message", item.message));
          box.append(head);
          if (item.source !== undefined) {
            const pre = element("pre", "source");
            const gutter = " ".repeat(item.number.length) + " | ";
            pre.append(element("span", "gutter", item.number + " | "), element("span", "line", item.source));
            if (item.caret !== undefined) pre.append("\n", element("span", "gutter", gutter), element("span", "caret", item.caret));
            box.append(pre);
          }
          panel.append(box);
        }
        root.append(panel);
        (document.body || document.documentElement).append(overlay);
      }

      function hideOverlay() {
        if (overlay) { overlay.remove(); overlay = null; }
      }

      document.addEventListener("keydown", (e) => { if (e.key === "Escape") hideOverlay(); });
    })();

    """#
}
