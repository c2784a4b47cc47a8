/// The script the server adds to every HTML page it serves (never to files on disk): it listens to
/// `/__flightdeck/events`, reloads the page or swaps stylesheets after a rebuild, and shows the
/// diagnostics of a failed build over the page. Text goes in through `textContent` only, so it is never parsed as HTML.
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

      function element(tag, css, text) {
        const node = document.createElement(tag);
        if (css) node.style.cssText = css;
        if (text !== undefined) node.textContent = text;
        return node;
      }

      function showOverlay(text) {
        hideOverlay();
        overlay = element("div", "position:fixed;inset:0;z-index:2147483647;overflow:auto;box-sizing:border-box;" +
          "padding:2rem;background:rgba(24,24,28,.94);color:#eee;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace");
        overlay.id = "flightdeck-error-overlay";
        overlay.setAttribute("role", "alertdialog");
        overlay.setAttribute("aria-label", "Build failed");
        overlay.append(element("h2", "margin:0 0 1rem;font:600 18px/1.3 system-ui,sans-serif;color:#ff8a80",
          "Build failed \u2014 showing the last good site"));
        const list = element("pre", "margin:0;white-space:pre-wrap;word-break:break-word");
        for (const line of text.split("\n")) {
          const row = element("div", "margin:0 0 .25rem");
          const match = /^(.+?:\d+:\d+): (error|warning|note): (.*)$/.exec(line);
          if (match) {
            row.append(element("span", "font-weight:700;color:#fff", match[1] + ": "),
              element("span", "color:" + (match[2] === "error" ? "#ff8a80" : "#ffd180"), match[2] + ": "),
              element("span", "", match[3]));
          } else {
            row.textContent = line;
          }
          list.append(row);
        }
        overlay.append(list, element("p", "margin:1.5rem 0 0;color:#aaa;font:13px system-ui,sans-serif",
          "Fix the file and save: the page updates by itself. Esc hides this message."));
        (document.body || document.documentElement).append(overlay);
      }

      function hideOverlay() {
        if (overlay) { overlay.remove(); overlay = null; }
      }

      document.addEventListener("keydown", (e) => { if (e.key === "Escape") hideOverlay(); });
    })();

    """#
}
