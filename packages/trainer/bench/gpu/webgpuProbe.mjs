// GPU probe for candlecast (issue 8): trains the reference LSTM with tfjs on the WebGPU backend
// (Dawn + Vulkan through the `webgpu` npm package) and on the wasm and cpu backends in the same
// run, and prints samples/s per backend and batch size as JSON lines.
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { create, globals } from 'webgpu';

const out = (o) => console.log(JSON.stringify(o));
const here = new URL('.', import.meta.url).pathname;

function build() {
  const model = tf.sequential();
  const init = { kernelInitializer: 'glorotUniform', recurrentInitializer: 'glorotUniform' };
  model.add(tf.layers.lstm({ units: 128, returnSequences: true, recurrentActivation: 'sigmoid', inputShape: [60, 20], ...init }));
  model.add(tf.layers.dropout({ rate: 0.2 }));
  model.add(tf.layers.lstm({ units: 64, recurrentActivation: 'sigmoid', ...init }));
  model.add(tf.layers.dropout({ rate: 0.2 }));
  model.add(tf.layers.dense({ units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 2, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return model;
}

async function measure(backend, batch, steps, budgetMs) {
  await tf.setBackend(backend);
  await tf.ready();
  const model = build();
  const x = tf.randomNormal([batch, 60, 20]);
  const y = tf.oneHot(tf.randomUniform([batch], 0, 2, 'int32'), 2);
  await model.trainOnBatch(x, y); // warm-up (shader compilation)
  await model.trainOnBatch(x, y);
  const times = [];
  const started = performance.now();
  for (let i = 0; i < steps && performance.now() - started < budgetMs; i++) {
    const t0 = performance.now();
    const loss = await model.trainOnBatch(x, y);
    times.push(performance.now() - t0);
    if (!Number.isFinite(Array.isArray(loss) ? loss[0] : loss)) throw new Error('non-finite loss');
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const one = tf.randomNormal([1, 60, 20]);
  for (let i = 0; i < 3; i++) await model.predict(one).data();
  const p0 = performance.now();
  for (let i = 0; i < 10; i++) await model.predict(one).data();
  const predictMs = (performance.now() - p0) / 10;
  tf.dispose([x, y, one]);
  model.dispose();
  out({ backend, batch, steps: times.length, medianStepMs: +median.toFixed(2), samplesPerSec: +((batch * 1000) / median).toFixed(1), predictOneMs: +predictMs.toFixed(2) });
}

Object.assign(globalThis, globals);
globalThis.navigator = { gpu: create([]) };
try {
  const adapter = await navigator.gpu.requestAdapter({ powerPreference: 'high-performance' });
  const info = adapter ? adapter.info ?? {} : {};
  out({ webgpuAdapter: adapter ? { vendor: info.vendor, architecture: info.architecture, description: info.description } : null });
} catch (e) {
  out({ webgpuAdapterError: String(e) });
}
await import('@tensorflow/tfjs-backend-webgpu');
setWasmPaths(`${here}wasm/`);
out({ backends: Object.keys(tf.engine().registryFactory) });
const plan = JSON.parse(process.argv[2] ?? '[["webgpu",64,30],["webgpu",256,30],["webgpu",1024,20],["webgpu",4096,10],["wasm",64,6],["cpu",64,3]]');
for (const [backend, batch, steps] of plan) {
  try {
    await measure(backend, batch, steps, 60_000);
  } catch (e) {
    out({ backend, batch, error: String(e?.stack ?? e).slice(0, 600) });
  }
}
