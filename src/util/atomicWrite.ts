/**
 * Reports are written to a temporary name beside the target and renamed into place, so a failed
 * run never leaves a half-written report and never destroys the previous one.
 */
import { randomBytes } from 'node:crypto';
import { lstat, open, rename, rm } from 'node:fs/promises';

export interface FileToWrite {
  path: string;
  data: Uint8Array | string;
}

function tempPathFor(path: string): string {
  return `${path}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`;
}

/** Write and flush `data` to a new temporary file; remove it again if anything fails. */
async function writeTemp(path: string, data: Uint8Array | string): Promise<string> {
  const temp = tempPathFor(path);
  let created = false;
  try {
    const fh = await open(temp, 'wx');
    created = true;
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    return temp;
  } catch (e) {
    if (created) await rm(temp, { force: true });
    throw e;
  }
}

/** Write one file atomically: the target holds either its old content or all of the new. */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const temp = await writeTemp(path, data);
  try {
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}

/**
 * Write several files so that either all are replaced or none is: every temporary file is written
 * and flushed first; then each existing target is moved aside before its new file is renamed in, and
 * if any step fails, the new files are removed and the old ones moved back. A target that is a folder
 * is refused before anything is touched (a folder is never moved or deleted).
 */
export async function writeFilesAtomic(files: readonly FileToWrite[]): Promise<void> {
  for (const f of files) {
    const existing = await lstat(f.path).catch(() => null);
    if (existing?.isDirectory()) throw new Error(`cannot replace a folder with a report: ${f.path}`);
  }
  const temps: string[] = [];
  try {
    for (const f of files) temps.push(await writeTemp(f.path, f.data));
  } catch (e) {
    await Promise.all(temps.map((t) => rm(t, { force: true })));
    throw e;
  }
  const swapped: { path: string; backup: string | null }[] = [];
  try {
    for (let i = 0; i < files.length; i++) {
      const path = files[i]!.path;
      let backup: string | null = null;
      if (await lstat(path).catch(() => null)) {
        backup = `${path}.bak-${process.pid}-${randomBytes(6).toString('hex')}`;
        await rename(path, backup);
      }
      swapped.push({ path, backup });
      await rename(temps[i]!, path);
    }
  } catch (e) {
    for (const { path, backup } of swapped.reverse()) {
      await rm(path, { force: true });
      if (backup) await rename(backup, path);
    }
    await Promise.all(temps.map((t) => rm(t, { force: true })));
    throw e;
  }
  await Promise.all(swapped.map(({ backup }) => (backup ? rm(backup, { force: true }) : undefined)));
}
