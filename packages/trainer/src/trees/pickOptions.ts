/**
 * The fields of `config` named in `known`, nothing else: the CLI hands every trainer the same
 * envelope (deep config, workDir, resume), and a tree trainer must neither store nor act on those.
 */
export function pickOptions<T extends object>(config: unknown, known: readonly string[]): Partial<T> {
  if (typeof config !== 'object' || config === null) return {};
  return Object.fromEntries(Object.entries(config).filter(([key, value]) => known.includes(key) && value !== undefined)) as Partial<T>;
}
