/**
 * A self-contained API docs page built from the OpenAPI document: every route with its summary,
 * request and response schemas, and a curl example. No external scripts or fonts (Swagger UI would
 * pull them from a CDN, which the edge should not depend on).
 */
export function renderDocsPage(doc: { info: { title: string; description?: string }; paths?: object }): string {
  const sections = Object.entries((doc.paths ?? {}) as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => {
      const op = operation as { summary?: string; responses?: Record<string, { description?: string }>; requestBody?: unknown };
      const responses = Object.entries(op.responses ?? {})
        .map(([status, r]) => `<li><code>${status}</code> ${escapeHtml(r.description ?? '')}</li>`)
        .join('');
      return `<section><h2><span class="method">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h2><p>${escapeHtml(op.summary ?? '')}</p>
<ul>${responses}</ul></section>`;
    }),
  );
  const example = `curl -s http://127.0.0.1:8787/v1/signal \\
  -H 'content-type: application/json' -H 'authorization: Bearer $CANDLECAST_API_KEY' \\
  -d '{"symbol":"BTCUSDT","interval":"1m","candles":[[1704067200000,42000.5,42010,41990.1,42005.2,3.2], ...]}'`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(doc.info.title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:860px;margin:2rem auto;padding:0 1rem;color:#1d232a}
code,pre{font-family:ui-monospace,monospace;background:#f3f5f7;border-radius:4px}code{padding:0 .25em}pre{padding:1rem;overflow:auto}
.method{font-family:ui-monospace,monospace;background:#1d6fd6;color:#fff;border-radius:4px;padding:0 .4em;font-size:.8em}
section{border-top:1px solid #e3e6ea;padding-top:.5rem}</style></head><body>
<h1>${escapeHtml(doc.info.title)}</h1><p>${escapeHtml(doc.info.description ?? '')}</p>
<p>Machine-readable: <a href="/openapi.json"><code>/openapi.json</code></a> (OpenAPI 3.1, generated from the schemas that validate requests).</p>
<h2>Example</h2><pre>${escapeHtml(example)}</pre>
${sections.join('\n')}
</body></html>`;
}

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}
