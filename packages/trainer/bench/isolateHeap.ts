import { createRequire } from 'node:module';

/** The subset of the `ws` client used here (ws ships with Miniflare; Node 20 has no WebSocket global). */
interface Socket {
  on(event: 'open' | 'error' | 'message', listener: (data: unknown) => void): void;
  send(data: string): void;
  close(): void;
}

/** A V8 isolate's heap as the inspector reports it (Runtime.getHeapUsage), bytes. */
export interface HeapUsage {
  usedSize: number;
  totalSize: number;
  /** ArrayBuffer backing stores (outside the JS heap). */
  backingStorageSize?: number;
}

/** A Chrome DevTools Protocol session on one workerd isolate (Miniflare's `inspectorPort`). */
export interface IsolateInspector {
  /** Full GC, then the heap. `pump` makes the isolate run (workerd collects once it next holds the isolate lock). */
  heapAfterGc(pump: () => Promise<unknown>): Promise<HeapUsage>;
  close(): void;
}

/** Connects to the isolate whose inspector target id is `target` (e.g. "core:user:" for Miniflare's user worker). */
export async function inspectIsolate(port: number, target: string): Promise<IsolateInspector> {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json`)).json()) as { id: string; webSocketDebuggerUrl: string }[];
  const found = targets.find((t) => t.id === target);
  if (!found) throw new Error(`no inspector target "${target}" among ${targets.map((t) => t.id).join(', ')}`);
  const WebSocket = createRequire(import.meta.url)('ws') as new (url: string) => Socket;
  const socket = new WebSocket(found.webSocketDebuggerUrl);
  await new Promise((done, fail) => {
    socket.on('open', done);
    socket.on('error', fail);
  });
  let next = 0;
  const pending = new Map<number, (result: unknown) => void>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) pending.get(message.id)?.(message.result);
  });
  const send = <T>(method: string): Promise<T> =>
    new Promise<T>((done, fail) => {
      const id = ++next;
      const timer = setTimeout(() => fail(new Error(`inspector: ${method} got no answer in 10 s`)), 10_000);
      pending.set(id, (result) => {
        clearTimeout(timer);
        pending.delete(id);
        done(result as T);
      });
      socket.send(JSON.stringify({ id, method }));
    });
  await send('Runtime.enable');
  await send('HeapProfiler.enable');
  return {
    async heapAfterGc(pump) {
      let collected = false;
      const collecting = send('HeapProfiler.collectGarbage').then(() => (collected = true));
      for (let i = 0; i < 100 && !collected; i++) {
        await pump();
        await new Promise((done) => setTimeout(done, 20));
      }
      await collecting;
      return send<HeapUsage>('Runtime.getHeapUsage');
    },
    close: () => socket.close(),
  };
}
