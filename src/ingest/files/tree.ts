/**
 * What discovery hands to the readers: the input tree as cities and applicant folders of files,
 * whether the files sit on disk or inside a city's zip (read in place, never extracted).
 */
import type { Finding } from '../../findings/finding.js';
import type { InputKind } from '../../model/records.js';
import type { Lang } from '../../model/lang.js';
import type { ZipEntry } from './zip.js';

/** Where a file's bytes are, as plain data, so a worker thread can read the file itself (`readSource`). */
export type FileSource = { kind: 'fs'; absPath: string } | { kind: 'zip'; zipPath: string; entry: ZipEntry };

export interface InputFile {
  /** Path relative to the input root, `/`-separated; inside a zip: `杭州市.zip/某公司/附件1.xlsx`. */
  path: string;
  /** Path relative to the applicant folder (or city folder for city-level files). */
  relPath: string;
  /** Size in bytes (uncompressed size for zip entries). */
  size: number;
  read(): Promise<Buffer>;
  /** Set by discovery; absent for files made up in memory (tests). */
  source?: FileSource;
}

export interface DiscoveredApplicant {
  /** Folder relative to the input root (`杭州市/某公司`, `杭州市.zip/某公司`). */
  id: string;
  city: string;
  folderName: string;
  files: InputFile[];
}

export interface DiscoveredCity {
  /** City name as delivered, without `.zip`. */
  name: string;
  /** Path relative to the input root ('' when the root is the city). */
  id: string;
  /** Files directly in the city folder (the A3 candidates). */
  files: InputFile[];
  applicants: DiscoveredApplicant[];
}

export interface Discovery {
  root: string;
  kind: InputKind;
  /** Why the input was read as `kind`, for the input line. */
  kindReason: Record<Lang, string>;
  cities: DiscoveredCity[];
  /** Noise skipped, links refused, unsafe zip entries, unknown layout … */
  findings: Finding[];
}
