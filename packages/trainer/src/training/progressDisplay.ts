import type { TrainingProgress } from './ModelTrainer';

/** A terminal (or any stream) to render training progress on. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** A TrainingProgress renderer; call `close()` when training ends to finish the live line. */
export interface ProgressDisplay {
  progress: TrainingProgress;
  close(): void;
}

const REDRAW_MS = 100;

/**
 * Renders training progress. On a TTY one line updates in place while an epoch runs (epoch,
 * batch, loss, accuracy, samples/s, ETA of the epoch); every finished epoch and every message
 * (resume, learning-rate cut, early stop) is printed as a permanent line. Without a TTY the live
 * line is left out and only those permanent lines are written, which keeps CI logs short.
 */
export function createProgressDisplay(stream: ProgressStream): ProgressDisplay {
  const live = stream.isTTY === true;
  let lastDraw = 0;
  let lineShown = false;
  const clearLine = () => {
    if (lineShown) stream.write('\r\x1b[2K');
    lineShown = false;
  };
  const progress: TrainingProgress = (event) => {
    const m = event.metrics;
    const epochLabel = event.epoch !== undefined ? `epoch ${event.epoch}/${event.epochs ?? '?'}` : '';
    if (m && m.batch !== undefined) {
      const now = Date.now();
      if (!live || (now - lastDraw < REDRAW_MS && m.batch !== m.batches)) return;
      lastDraw = now;
      const eta = m.batch > 0 ? ((m.batches - m.batch) * m.seconds) / m.batch : 0;
      const text = `${event.model}  ${epochLabel}  batch ${m.batch}/${m.batches}  loss ${m.loss.toFixed(4)}  acc ${percent(m.accuracy)}  ${m.samplesPerSecond.toFixed(1)} samples/s  ETA ${duration(eta)}`;
      stream.write(`\r\x1b[2K${text}`);
      lineShown = true;
      return;
    }
    clearLine();
    if (event.message === 'epoch' && m) {
      const validation = m.valLoss !== undefined ? `  val loss ${m.valLoss.toFixed(4)}  val acc ${percent(m.valAccuracy)}` : '';
      stream.write(
        `${event.model}  ${epochLabel}  loss ${m.loss.toFixed(4)}  acc ${percent(m.accuracy)}${validation}  lr ${m.learningRate.toExponential(1)}  ${m.samplesPerSecond.toFixed(1)} samples/s  ${duration(m.seconds)}${m.best ? '  *best' : ''}\n`,
      );
      return;
    }
    stream.write(`${event.model}  ${epochLabel ? `${epochLabel}  ` : ''}${event.message}\n`);
  };
  return { progress, close: clearLine };
}

function percent(value: number | undefined): string {
  return value === undefined ? '-' : `${(100 * value).toFixed(1)}%`;
}

/** Seconds as "42s", "3m05s" or "1h02m". */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
