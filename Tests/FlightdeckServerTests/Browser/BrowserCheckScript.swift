/// The browser side of `BrowserLiveReloadTests`: drives headless Chromium over the DevTools protocol
/// (Node's WebSocket) and prints `ok` or `FAIL` per step; the exit status is 1 if any step failed.
enum BrowserCheckScript {
    /// Run as `node --experimental-websocket check.mjs CDP_PORT SERVER_PORT SITE_ROOT`.
    static let source = #"""
import fs from "node:fs";
const [cdpPort, serverPort, site] = process.argv.slice(2);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const target = await (await fetch(`http://127.0.0.1:${cdpPort}/json/new?about:blank`, { method: "PUT" })).json();
const ws = new WebSocket(target.webSocketDebuggerUrl);
await new Promise((r) => ws.addEventListener("open", r));
let id = 0; const pending = new Map(); let loads = 0;
ws.addEventListener("message", (m) => {
  const msg = JSON.parse(m.data);
  if (msg.id && pending.has(msg.id)) { pending.get(msg.id)(msg.result); pending.delete(msg.id); }
  if (msg.method === "Page.loadEventFired") loads++;
  // The page has the default theme's Content-Security-Policy: Chromium logs each thing it blocks.
  if (msg.method === "Log.entryAdded" && msg.params.entry.level === "error" && msg.params.entry.text.includes("Content Security Policy")) {
    console.log(`FAIL blocked by the Content-Security-Policy: ${msg.params.entry.text}`); process.exitCode = 1;
  }
});
const send = (method, params = {}) => new Promise((r) => { const i = ++id; pending.set(i, r); ws.send(JSON.stringify({ id: i, method, params })); });
const evaluate = async (expr) => (await send("Runtime.evaluate", { expression: expr, returnByValue: true })).result.value;
const waitFor = async (what, cond, ms = 5000) => {
  const start = Date.now();
  while (Date.now() - start < ms) { if (await cond()) { console.log(`ok   ${what} (${Date.now() - start} ms)`); return true; } await sleep(50); }
  console.log(`FAIL ${what}`); process.exitCode = 1; return false;
};
await send("Page.enable");
await send("Log.enable");
await send("Page.navigate", { url: `http://127.0.0.1:${serverPort}/` });
await waitFor("page loaded", async () => loads >= 1);
await sleep(500);
await evaluate("window.__marker = 1");

fs.appendFileSync(`${site}/content/index.md`, "\n\nEdited by the live-reload check.\n");
await waitFor("content edit reloads the page", async () => loads >= 2 && (await evaluate("window.__marker")) === undefined);
await sleep(500);
await evaluate("window.__marker = 2");

fs.appendFileSync(`${site}/templates/assets/style.css`, "\nbody { outline: 0; }\n");
await waitFor("CSS edit swaps stylesheets", async () =>
  (await evaluate("[...document.querySelectorAll('link[rel~=stylesheet]')].some(l => l.href.includes('flightdeck-reload='))")) === true);
await sleep(300);
console.log((await evaluate("window.__marker")) === 2 ? "ok   CSS edit did not reload the page" : (process.exitCode = 1, "FAIL CSS edit reloaded the page"));

const base = fs.readFileSync(`${site}/templates/index.html`, "utf8");
fs.writeFileSync(`${site}/templates/index.html`, base + "\nBROKEN {% if %}\n");
await waitFor("broken template shows the overlay", async () => (await evaluate("!!document.getElementById('flightdeck-error-overlay')")) === true);
console.log((await evaluate("getComputedStyle(document.getElementById('flightdeck-error-overlay')).position")) === "fixed" ? "ok   overlay styled under the page's CSP" : (process.exitCode = 1, "FAIL overlay unstyled"));
const shadow = "document.getElementById('flightdeck-error-overlay').shadowRoot";
console.log("     overlay text: " + JSON.stringify((await evaluate(`${shadow}.textContent`)).slice(0, 600)));
console.log((await evaluate(`${shadow}.querySelectorAll('script').length`)) === 0 && (await evaluate(`${shadow}.textContent`)).includes("<script>alert(1)</script>")
  ? "ok   overlay text not parsed as HTML" : (process.exitCode = 1, "FAIL script element in overlay"));
const shown = await evaluate(`[...${shadow}.querySelectorAll('.diagnostic')].map((d) => [d.querySelector('.place') && d.querySelector('.place').textContent, d.querySelector('.line') && d.querySelector('.line').textContent, d.querySelector('.caret') && d.querySelector('.caret').textContent])`);
console.log(JSON.stringify(shown) === JSON.stringify([["templates/index.html:46:11", "BROKEN {% if %}", "          ^"], ["content/index.md:2:1", null, null]])
  ? "ok   every diagnostic shows its place, source line and caret" : (process.exitCode = 1, "FAIL diagnostics shown as " + JSON.stringify(shown)));
// The caret sits under column 11 of the source line: same left edge as the 11th character.
const aligned = await evaluate(`(() => { const pre = ${shadow}.querySelector('pre'); const line = pre.querySelector('.line').firstChild, caret = pre.querySelector('.caret').firstChild;
  const r1 = document.createRange(); r1.setStart(line, 10); r1.setEnd(line, 11); const r2 = document.createRange(); r2.setStart(caret, 10); r2.setEnd(caret, 11);
  return Math.abs(r1.getBoundingClientRect().left - r2.getBoundingClientRect().left) < 1; })()`);
console.log(aligned ? "ok   caret under the column" : (process.exitCode = 1, "FAIL caret not under the column"));
// Readable whatever the site's CSS says and in both schemes: text against the overlay's background at 4.5:1 or more.
const contrast = `(() => { const rgb = (c) => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = (c) => { const [r, g, b] = rgb(c).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const host = document.getElementById('flightdeck-error-overlay'); const bg = getComputedStyle(host).backgroundColor;
  const worst = [...${shadow}.querySelectorAll('.message, .line, .place, h2, .hint')].map((e) => { const a = lum(getComputedStyle(e).color), b = lum(bg);
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05); });
  const size = parseFloat(getComputedStyle(${shadow}.querySelector('pre')).fontSize);
  return { worst: Math.min(...worst), size }; })()`;
for (const scheme of ["light", "dark"]) {
  await send("Emulation.setEmulatedMedia", { features: [{ name: "prefers-color-scheme", value: scheme }] });
  const result = await evaluate(contrast);
  console.log(result.worst >= 4.5 && result.size >= 12 ? `ok   overlay readable in the ${scheme} scheme despite the site's CSS (${result.worst.toFixed(1)}:1, ${result.size} px)`
    : (process.exitCode = 1, `FAIL overlay in the ${scheme} scheme: ${JSON.stringify(result)}`));
}
await send("Emulation.setEmulatedMedia", { features: [] });

await send("Page.reload");
await waitFor("a page loaded while broken shows the overlay too", async () => (await evaluate("!!document.getElementById('flightdeck-error-overlay')")) === true);
const before = loads;
fs.writeFileSync(`${site}/templates/index.html`, base);
await waitFor("fixing it reloads without the overlay", async () => loads > before && (await evaluate("!document.getElementById('flightdeck-error-overlay')")) === true);
console.log((await evaluate("!!document.querySelector('meta[http-equiv=Content-Security-Policy]')")) ? "ok   the page had a Content-Security-Policy" : (process.exitCode = 1, "FAIL no policy on the page"));
ws.close();
"""#
}
