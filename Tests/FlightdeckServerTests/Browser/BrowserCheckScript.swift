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
console.log("     overlay text: " + JSON.stringify((await evaluate("document.getElementById('flightdeck-error-overlay').innerText")).slice(0, 160)));
console.log((await evaluate("document.querySelectorAll('#flightdeck-error-overlay script').length")) === 0 ? "ok   overlay text not parsed as HTML" : (process.exitCode = 1, "FAIL script element in overlay"));

await send("Page.reload");
await waitFor("a page loaded while broken shows the overlay too", async () => (await evaluate("!!document.getElementById('flightdeck-error-overlay')")) === true);
const before = loads;
fs.writeFileSync(`${site}/templates/index.html`, base);
await waitFor("fixing it reloads without the overlay", async () => loads > before && (await evaluate("!document.getElementById('flightdeck-error-overlay')")) === true);
console.log((await evaluate("!!document.querySelector('meta[http-equiv=Content-Security-Policy]')")) ? "ok   the page had a Content-Security-Policy" : (process.exitCode = 1, "FAIL no policy on the page"));
ws.close();
"""#
}
