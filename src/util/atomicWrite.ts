/**
 * Reports are written to a temporary name beside the target and renamed into place, so a failed
 * run never leaves a half-written report and never destroys the previous one.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';

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
 * Write several files so that none is replaced unless all were written: every temporary file is
 * written and flushed first, and only then renamed. A rename failing part-way (rare: same folder,
 * already written) leaves the files renamed so far new and the others old; the rest are cleaned up.
 */
export async function writeFilesAtomic(files: readonly FileToWrite[]): Promise<void> {
  const temps: string[] = [];
  try {
    for (const f of files) temps.push(await writeTemp(f.path, f.data));
  } catch (e) {
    await Promise.all(temps.map((t) => rm(t, { force: true })));
    throw e;
  }
  for (let i = 0; i < files.length; i++) {
    try {
      await rename(temps[i]!, files[i]!.path);
    } catch (e) {
      await Promise.all(temps.slice(i).map((t) => rm(t, { force: true })));
      throw e;
    }
  }
}
