/**
 * Opens one input file as a workbook (its sheets as Grids, or an exceljs workbook), or says in a
 * finding why it cannot: the file is recognised by its bytes, not its name, and an .xlsx is only
 * parsed once its expanded size is known to be bounded (exceljs itself unzips everything into memory,
 * with no limit; the lean reader unzips the parts it needs).
 */
import type ExcelJS from 'exceljs';
import { extname } from 'node:path';
import { findingsOf, type Finding } from '../../findings/finding.js';
import { decodeSheetText, hasUtf16Bom } from '../formats/text.js';
import { fileCodes } from './codes.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';
import { sniff } from './sniff.js';
import { unreadableFinding } from './source.js';
import type { InputFile } from './tree.js';
import type { Grid } from '../forms/grid.js';
import { gridFromWorksheet } from '../forms/grid.js';
import { gridsFromXlsx } from '../lean/readXlsx.js';
import { inflatesBeyond, MAX_DEFLATE_RATIO, readZipDirectory, type ZipEntry } from './zip.js';
import { loadExcel } from '../../util/loadExcel.js';
import { readOtherFormat, type OtherFormat } from '../formats/index.js';

const finding = findingsOf(fileCodes);

export interface OpenedWorkbook {
  workbook: ExcelJS.Workbook | null;
  findings: Finding[];
}

/** What the bytes of a would-be workbook are, before any parsing. */
export type WorkbookFormat = 'xlsx' | 'ole2-encrypted' | 'ole2-legacy' | 'html' | 'xml2003' | 'text' | 'empty' | 'other';

const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

/**
 * Recognise a workbook by its bytes. An encrypted .xlsx is an OLE2 container holding an
 * `EncryptionInfo` stream (its name is stored UTF-16LE in the directory sectors), so finding that
 * string tells a password from an old .xls/.et.
 */
export function workbookFormat(bytes: Uint8Array): WorkbookFormat {
  // Excel's 「Unicode 文本」 is UTF-16 with a byte-order mark: its NUL bytes make it look binary.
  const kind = hasUtf16Bom(bytes) && bytes.length > 2 ? 'text' : sniff(bytes);
  switch (kind) {
    case 'empty':
      return 'empty';
    case 'zip':
      return 'xlsx';
    case 'ole2':
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(ENCRYPTION_INFO) ? 'ole2-encrypted' : 'ole2-legacy';
    case 'text': {
      const head = decodeSheetText(bytes.subarray(0, 4096)).text.replace(/^\uFEFF/, '').trimStart();
      const lower = head.toLowerCase();
      // XML Spreadsheet 2003 names its namespace on the root element, with or without an XML declaration.
      if (lower.startsWith('<') && head.includes('urn:schemas-microsoft-com:office:spreadsheet') && /<(?:\w+:)?Workbook\b/.test(head)) return 'xml2003';
      // Web systems' exports start with <html>, <table>, a doctype, or a <meta>/<style>/comment before them.
      if (lower.startsWith('<') && /<(?:html|table)\b/.test(lower)) return 'html';
      return 'text';
    }
    default:
      return 'other';
  }
}

function extensionOf(path: string): string {
  return extname(path).toLowerCase();
}

const SPREADSHEET_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xls', '.et']);

/** What a zip holds when it is not a workbook: named after the format people know. */
function otherZipKind(names: string[]): string {
  if (names.some((n) => /^xl\/workbook\.bin$/i.test(n))) return 'xlsb';
  if (names.some((n) => n.startsWith('word/'))) return 'docx';
  if (names.some((n) => n.startsWith('ppt/'))) return 'pptx';
  return 'zip';
}

/**
 * Every part within `maxPartBytes`, all within `maxTotalBytes`. The declared sizes are checked first;
 * then a part whose compressed size could hide more than the limits allow (a lying header, the
 * classic zip bomb) is inflated once in small steps, keeping nothing, to see that it holds no more
 * than it declares.
 */
function checkPartSizes(bytes: Uint8Array, parts: ZipEntry[], limits: Limits, where: { file: string }): Finding | null {
  let total = 0;
  for (const p of parts) {
    if (p.uncompressedSize > limits.maxPartBytes) {
      return finding('WORKBOOK_TOO_LARGE', { part: p.name, size: p.uncompressedSize, limit: limits.maxPartBytes }, where);
    }
    total += p.uncompressedSize;
  }
  if (total > limits.maxTotalBytes) {
    return finding('WORKBOOK_TOO_LARGE', { part: '*', size: total, limit: limits.maxTotalBytes }, where);
  }
  const verified = new Set<ZipEntry>();
  const potential = (p: ZipEntry) =>
    verified.has(p) ? p.uncompressedSize : Math.max(p.uncompressedSize, p.method === 0 ? p.compressedSize : p.compressedSize * MAX_DEFLATE_RATIO);
  for (;;) {
    let worst: ZipEntry | null = null;
    let sum = 0;
    for (const p of parts) {
      sum += potential(p);
      if (!verified.has(p) && (!worst || potential(p) > potential(worst))) worst = p;
    }
    if (!worst) return null;
    if (potential(worst) <= limits.maxPartBytes && sum <= limits.maxTotalBytes) return null;
    if (inflatesBeyond(bytes, worst, worst.uncompressedSize)) {
      return finding('WORKBOOK_CORRUPT', { message: `${worst.name}: content larger than its declared size ${worst.uncompressedSize}` }, where);
    }
    verified.add(worst);
  }
}

/** exceljs's load cannot be interrupted; this only stops waiting for it (see Limits). */
async function loadWithin(workbook: ExcelJS.Workbook, buffer: Buffer, timeoutMs: number): Promise<'loaded' | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const load = workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  // A load still running after the timeout must not surface later as an unhandled rejection.
  load.catch(() => undefined);
  const timeout = new Promise<'timeout'>((res) => {
    timer = setTimeout(() => res('timeout'), timeoutMs);
    timer.unref();
  });
  try {
    return await Promise.race([load.then(() => 'loaded' as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Which reader turns a checked .xlsx into Grids: the lean one (fflate + saxes) unless told otherwise. */
export type WorkbookReader = 'lean' | 'exceljs';

/** `YUNSHANG_READER=exceljs` switches the whole run (workers included) back to exceljs. */
export function defaultReader(): WorkbookReader {
  return process.env.YUNSHANG_READER === 'exceljs' ? 'exceljs' : 'lean';
}

/** The bytes, what they are (.xlsx, or one of the formats read by formats/), and notes so far. */
type Checked = { bytes: Buffer; findings: Finding[]; format: 'xlsx' | OtherFormat; ext: string } | { failed: Finding };

/**
 * The bytes of `file` once they are known to be a bounded workbook or form document in a format read
 * here, or the finding that says why not (and what to do). Every finding's location is the file.
 */
async function checkedWorkbookBytes(file: InputFile, limits: Limits): Promise<Checked> {
  const where = { file: file.path };
  const ext = extensionOf(file.path) || '(无扩展名)';
  const fail = (f: Finding): Checked => ({ failed: f });
  let bytes: Buffer;
  try {
    bytes = await file.read();
  } catch (e) {
    return fail(unreadableFinding(e, file.path));
  }
  const format = workbookFormat(bytes);
  switch (format) {
    case 'empty':
      return fail(finding('FILE_EMPTY', {}, where));
    case 'ole2-encrypted':
      return fail(finding('WORKBOOK_ENCRYPTED', {}, where));
    case 'ole2-legacy':
    case 'html':
    case 'xml2003':
      // Not compressed: the file is what is parsed, so it is held to one part's limit.
      if (bytes.length > limits.maxPartBytes) return fail(finding('WORKBOOK_TOO_LARGE', { part: '*', size: bytes.length, limit: limits.maxPartBytes }, where));
      return { bytes, findings: [], format, ext };
    case 'text':
      if (!SPREADSHEET_EXTENSIONS.has(extensionOf(file.path))) return fail(finding('FILE_NOT_WORKBOOK', { detected: 'text' }, where));
      if (bytes.length > limits.maxPartBytes) return fail(finding('WORKBOOK_TOO_LARGE', { part: '*', size: bytes.length, limit: limits.maxPartBytes }, where));
      return { bytes, findings: [], format, ext };
    case 'other':
      return fail(finding('FILE_NOT_WORKBOOK', { detected: 'binary' }, where));
    case 'xlsx':
      break;
  }

  let parts: ZipEntry[];
  try {
    parts = readZipDirectory(bytes).filter((e) => !e.isDirectory);
  } catch (e) {
    return fail(finding('WORKBOOK_CORRUPT', { message: (e as Error).message }, where));
  }
  const isWorkbook = parts.some((p) => /^xl\/workbook\.xml$/i.test(p.name));
  const isDocument = !isWorkbook && parts.some((p) => p.name === 'word/document.xml');
  if (!isWorkbook && !isDocument) {
    return fail(finding('FILE_NOT_WORKBOOK', { detected: otherZipKind(parts.map((p) => p.name)) }, where));
  }
  const tooLarge = checkPartSizes(bytes, parts, limits, where);
  if (tooLarge) return fail(tooLarge);
  if (isDocument) return { bytes, findings: [], format: 'docx', ext };

  const findings: Finding[] = [];
  if (!['.xlsx', '.xlsm'].includes(extensionOf(file.path))) findings.push(finding('XLS_IS_XLSX', { ext }, where));
  return { bytes, findings, format: 'xlsx', ext };
}

function corrupt(e: unknown, file: InputFile): Finding {
  return finding('WORKBOOK_CORRUPT', { message: String((e as Error)?.message ?? e).slice(0, 300) }, { file: file.path });
}

/**
 * Read `file` as an exceljs workbook. Returns the workbook, or null with an error finding saying why
 * not. The time limit is a guard only: the real bound on time and memory is the size check done
 * before exceljs sees the bytes.
 */
export async function openWorkbook(file: InputFile, limits: Limits = DEFAULT_LIMITS): Promise<OpenedWorkbook> {
  const checked = await checkedWorkbookBytes(file, limits);
  if ('failed' in checked) return { workbook: null, findings: [checked.failed] };
  // exceljs opens .xlsx only: the other formats are read as Grids (openWorkbookGrids), and named here.
  if (checked.format !== 'xlsx') return { workbook: null, findings: (await readOtherFormat(checked.format, checked.bytes, file.path, checked.ext)).findings };
  // Loaded on first use: the lean reader (the default) and the reading threads never need exceljs.
  const workbook = new (await loadExcel()).Workbook();
  try {
    if ((await loadWithin(workbook, checked.bytes, limits.timeoutMs)) === 'timeout') {
      return { workbook: null, findings: [finding('WORKBOOK_TIMEOUT', { timeoutMs: limits.timeoutMs }, { file: file.path })] };
    }
  } catch (e) {
    return { workbook: null, findings: [corrupt(e, file)] };
  }
  return { workbook, findings: checked.findings };
}

export interface OpenedGrids {
  /** One Grid per worksheet (per table of a Word document), in order; null when the file cannot be read. */
  grids: Grid[] | null;
  findings: Finding[];
  /** What the bytes turned out to be, once they were recognised. */
  format?: 'xlsx' | OtherFormat;
}

/**
 * Read `file` as Grids, after the same checks as `openWorkbook`, with the chosen reader. The two
 * readers give the same Grids (test/lean-equivalence.test.ts); the lean one is several times faster.
 */
export async function openWorkbookGrids(file: InputFile, limits: Limits = DEFAULT_LIMITS, reader: WorkbookReader = defaultReader()): Promise<OpenedGrids> {
  const checked = await checkedWorkbookBytes(file, limits);
  if ('failed' in checked) return { grids: null, findings: [checked.failed] };
  if (checked.format !== 'xlsx') return { ...(await readOtherFormat(checked.format, checked.bytes, file.path, checked.ext)), format: checked.format };
  if (reader === 'exceljs') {
    const opened = await openWorkbook(file, limits);
    return { grids: opened.workbook ? opened.workbook.worksheets.map((ws) => gridFromWorksheet(ws, file.path)) : null, findings: opened.findings, format: 'xlsx' };
  }
  try {
    return { grids: gridsFromXlsx(checked.bytes, file.path), findings: checked.findings, format: 'xlsx' };
  } catch (e) {
    return { grids: null, findings: [corrupt(e, file)], format: 'xlsx' };
  }
}
