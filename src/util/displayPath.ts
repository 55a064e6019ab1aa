import { basename, isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * A file named in a report the way a reader can find it and nothing more: relative to the current
 * directory when it lies below it, else just its name. A path as typed on the command line may be
 * absolute and would print the user's home folder into a report that travels.
 */
export function displayPath(file: string, cwd: string = process.cwd()): string {
  const rel = relative(cwd, resolve(cwd, file));
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return basename(file);
  return rel.split(sep).join('/');
}
