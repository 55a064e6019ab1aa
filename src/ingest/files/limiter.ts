/**
 * At most `size` file-system requests in flight. Walking a province (≈100,000 files) with every stat
 * started at once kept tens of thousands of requests and their buffers alive together (600 MB of RSS
 * for a ~20 MB result) while libuv still served them four at a time.
 *
 * Waiting tasks are started newest first: the children of the folder just listed go before folders
 * listed earlier, so the walk is depth-first and the queue holds about one folder's width, not the
 * whole frontier of the tree.
 */
export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

export function limiter(size: number): Limiter {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    running--;
    const next = waiting.pop();
    if (next) next();
  };
  return <T>(task: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const run = () => {
        running++;
        let started: Promise<T>;
        try {
          started = task();
        } catch (e) {
          started = Promise.reject(e as Error);
        }
        started.then(
          (v) => {
            release();
            resolve(v);
          },
          (e: unknown) => {
            release();
            reject(e);
          },
        );
      };
      if (running < size) run();
      else waiting.push(run);
    });
}
