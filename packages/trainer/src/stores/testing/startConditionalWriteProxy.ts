import { createServer, request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

const PRECONDITION_FAILED =
  '<?xml version="1.0" encoding="UTF-8"?><Error><Code>PreconditionFailed</Code>' +
  '<Message>At least one of the pre-conditions you specified did not hold</Message></Error>';

/**
 * An HTTP proxy in front of an S3 server that ignores conditional writes (s3rver): it answers a
 * PUT carrying `If-None-Match: *` or `If-Match` with 412 when the object's current ETag says the
 * condition fails, as S3 and R2 do, and serialises conditional PUTs per key so the check and the
 * write are atomic. Everything else passes through unchanged. Test-only: it lets the S3Store's
 * compare-and-swap path (headers sent, 412 mapped to ConflictError) run end to end.
 */
export async function startConditionalWriteProxy(upstream: string): Promise<{ endpoint: string; close(): Promise<void> }> {
  const target = new URL(upstream);
  const queues = new Map<string, Promise<unknown>>();
  const forward = (req: IncomingMessage, body: Buffer, method = req.method) =>
    new Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }>((resolve, reject) => {
      const upstreamRequest = request(
        // The HEAD that reads the current ETag carries none of the PUT's headers (length, conditions).
        { hostname: target.hostname, port: target.port, path: req.url, method, headers: method === 'HEAD' ? { host: req.headers.host } : req.headers },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 502, headers: response.headers, body: Buffer.concat(chunks) }));
          response.on('error', reject);
        },
      );
      upstreamRequest.on('error', reject);
      upstreamRequest.end(method === 'HEAD' ? undefined : body);
    });

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const ifNoneMatch = req.headers['if-none-match'];
      const ifMatch = req.headers['if-match'];
      const conditional = req.method === 'PUT' && (ifNoneMatch !== undefined || ifMatch !== undefined);
      const handle = async () => {
        if (conditional) {
          const head = await forward(req, Buffer.alloc(0), 'HEAD');
          const current = head.status === 200 ? unquote(String(head.headers.etag)) : null;
          const fails = ifNoneMatch === '*' ? current !== null : current === null || current !== unquote(String(ifMatch));
          if (fails) return { status: 412, headers: { 'content-type': 'application/xml' }, body: Buffer.from(PRECONDITION_FAILED) };
        }
        return forward(req, body);
      };
      const key = req.url?.split('?')[0] ?? '';
      const result = conditional ? (queues.get(key) ?? Promise.resolve()).then(handle, handle) : handle();
      if (conditional) queues.set(key, result.catch(() => undefined));
      result.then(
        (response) => {
          res.writeHead(response.status, response.headers);
          res.end(response.body);
        },
        () => {
          res.writeHead(502);
          res.end();
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function unquote(etag: string): string {
  return etag.replace(/^W\//, '').replace(/"/g, '');
}
